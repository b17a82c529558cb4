package fr.maillage.account;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import fr.maillage.shared.security.Permission;
import fr.maillage.shared.security.Role;
import fr.maillage.shared.security.Scope;
import fr.maillage.territory.Departement;
import fr.maillage.territory.Region;
import fr.maillage.territory.TerritoryApi;

import org.springframework.stereotype.Component;

/**
 * The roles and scopes a manager may choose from when inviting: only what they may grant,
 * so that anything else in a submitted form can only be forged.
 */
@Component
class InviteOptions {

	/** Past this many structures, the manager first narrows them to one département. */
	static final int MAX_STRUCTURE_OPTIONS = 300;

	private final TerritoryApi territories;

	private final StructureDirectory structures;

	InviteOptions(TerritoryApi territories, StructureDirectory structures) {
		this.territories = territories;
		this.structures = structures;
	}

	record Option(String value, String label) {
	}

	record Options(Set<Role> roles, boolean nation, List<Option> regions, List<Option> departements,
			List<Option> structures, boolean structuresNeedADepartement) {
	}

	Options forManager(AccountPrincipal manager, String departementFilter) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		manager.assignments().forEach(a -> roles.addAll(a.role().grantableRoles()));
		Scope scope = AccessPolicy.scopeFor(manager, Permission.MANAGE_USERS);
		boolean nation = scope.nation();
		List<Option> regions = new ArrayList<>();
		for (Region region : this.territories.regions()) {
			if (nation || scope.regions().contains(region.code())) {
				regions.add(new Option("REGION:" + region.code(), region.name()));
			}
		}
		List<Option> departements = new ArrayList<>();
		for (Departement d : this.territories.departements()) {
			if (scope.covers(d.regionCode(), d.code(), null)) {
				departements.add(new Option("DEPARTEMENT:" + d.code(), d.name() + " (" + d.code() + ")"));
			}
		}
		List<StructureDirectory.Location> inScope = this.structures.within(scope);
		boolean narrow = inScope.size() > MAX_STRUCTURE_OPTIONS;
		List<Option> structureOptions = inScope.stream()
			.filter(s -> !narrow || s.departementCode().equals(departementFilter))
			.map(s -> new Option("STRUCTURE:" + s.id(), s.name() + " (" + s.departementCode() + ")"))
			.toList();
		return new Options(roles, nation, regions, departements, structureOptions,
				narrow && structureOptions.isEmpty());
	}

}
