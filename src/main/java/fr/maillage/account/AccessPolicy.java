package fr.maillage.account;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import fr.maillage.shared.security.AccessScopes;
import fr.maillage.shared.security.Permission;
import fr.maillage.shared.security.Role;
import fr.maillage.shared.security.Scope;
import fr.maillage.shared.security.ScopeKind;
import fr.maillage.territory.TerritoryApi;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The permissions table applied to the signed-in person: where they may exercise each
 * permission ({@link #scopeFor}), and the rules that go with it (no escalation, no
 * validation of one's own structure). Every scoped query gets its {@link Scope} here.
 */
@Component
public class AccessPolicy implements AccessScopes {

	private final StructureDirectory structures;

	private final TerritoryApi territories;

	AccessPolicy(StructureDirectory structures, TerritoryApi territories) {
		this.structures = structures;
		this.territories = territories;
	}

	/** The signed-in person, if any. */
	public Optional<AccountPrincipal> currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	/**
	 * Where the signed-in person may exercise {@code permission}; nowhere if anonymous.
	 */
	public Scope scopeFor(Permission permission) {
		return currentUser().map(user -> scopeFor(user, permission)).orElse(Scope.NONE);
	}

	/**
	 * The union of the scopes of the assignments whose role grants {@code permission}.
	 */
	public static Scope scopeFor(AccountPrincipal user, Permission permission) {
		boolean nation = false;
		Set<String> regions = new HashSet<>();
		Set<String> departements = new HashSet<>();
		Set<Long> structureIds = new HashSet<>();
		for (RoleAssignment assignment : user.assignments()) {
			if (!permission.grantedTo(assignment.role())) {
				continue;
			}
			if (permission.anywhere()) {
				return Scope.NATION;
			}
			Scope scope = assignment.scope();
			nation |= scope.nation();
			regions.addAll(scope.regions());
			departements.addAll(scope.departements());
			structureIds.addAll(scope.structures());
		}
		return nation ? Scope.NATION : new Scope(false, regions, departements, structureIds);
	}

	/** The roles the signed-in person may grant somewhere (none if anonymous). */
	public Set<Role> grantableRoles() {
		Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
		currentUser().ifPresent(user -> user.assignments().forEach(a -> roles.addAll(a.role().grantableRoles())));
		return roles;
	}

	/**
	 * Whether the signed-in person holds a structure role on that structure: they may
	 * then not validate its responses, whatever else they are.
	 */
	public boolean holdsStructureRoleOn(long structureId) {
		return currentUser().stream()
			.flatMap(user -> user.assignments().stream())
			.anyMatch(assignment -> assignment.isOnStructure(structureId));
	}

	/**
	 * Whether the signed-in person may grant {@code target}: one of their assignments
	 * allows that role and its scope contains the target's scope. Unknown territories or
	 * structures are never grantable.
	 */
	public boolean mayGrant(RoleAssignment target) {
		return currentUser().stream()
			.flatMap(user -> user.assignments().stream())
			.anyMatch(granter -> granter.role().grantableRoles().contains(target.role()) && contains(granter, target));
	}

	/** Whether the territory of {@code outer} contains that of {@code inner}. */
	boolean contains(RoleAssignment outer, RoleAssignment inner) {
		Location location = locate(inner);
		if (location == null) {
			return false;
		}
		return switch (outer.scopeKind()) {
			case NATION -> true;
			case REGION -> outer.scopeCode().equals(location.regionCode());
			case DEPARTEMENT -> outer.scopeCode().equals(location.departementCode());
			case STRUCTURE -> inner.scopeKind() == ScopeKind.STRUCTURE && outer.scopeCode().equals(inner.scopeCode());
		};
	}

	/**
	 * Where an assignment lies; {@code null} if its territory or structure does not
	 * exist.
	 */
	Location locate(RoleAssignment assignment) {
		return switch (assignment.scopeKind()) {
			case NATION -> new Location(null, null, null);
			case REGION -> this.territories.regions().stream().anyMatch(r -> r.code().equals(assignment.scopeCode()))
					? new Location(assignment.scopeCode(), null, null) : null;
			case DEPARTEMENT -> this.territories.departement(assignment.scopeCode())
				.map(d -> new Location(d.regionCode(), d.code(), null))
				.orElse(null);
			case STRUCTURE -> parseId(assignment.scopeCode()).flatMap(this.structures::locate)
				.map(s -> new Location(s.regionCode(), s.departementCode(), s.id()))
				.orElse(null);
		};
	}

	private static Optional<Long> parseId(String text) {
		try {
			return Optional.of(Long.parseLong(text));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** Where an assignment lies; the codes are {@code null} above their level. */
	record Location(String regionCode, String departementCode, Long structureId) {
	}

}
