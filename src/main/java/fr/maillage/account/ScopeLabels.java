package fr.maillage.account;

import java.util.Locale;

import fr.maillage.territory.Region;
import fr.maillage.territory.TerritoryApi;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The French name of the territory or structure a role is held on. */
@Component
class ScopeLabels {

	private final TerritoryApi territories;

	private final StructureDirectory structures;

	private final MessageSource messages;

	ScopeLabels(TerritoryApi territories, StructureDirectory structures, MessageSource messages) {
		this.territories = territories;
		this.structures = structures;
		this.messages = messages;
	}

	String label(RoleAssignment assignment) {
		String code = assignment.scopeCode();
		return switch (assignment.scopeKind()) {
			case NATION -> message("scope.nation", null);
			case REGION -> message("scope.region",
					this.territories.regions()
						.stream()
						.filter(region -> region.code().equals(code))
						.map(Region::name)
						.findFirst()
						.orElse(code));
			case DEPARTEMENT -> message("scope.departement",
					this.territories.departement(code).map(d -> d.name() + " (" + d.code() + ")").orElse(code));
			case STRUCTURE ->
				this.structures.locate(Long.parseLong(code)).map(StructureDirectory.Location::name).orElse(code);
		};
	}

	private String message(String key, String argument) {
		return this.messages.getMessage(key, (argument != null) ? new Object[] { argument } : null, Locale.FRANCE);
	}

}
