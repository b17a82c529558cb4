package fr.maillage.structure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import fr.maillage.account.AccessPolicy;
import fr.maillage.account.AccountPrincipal;
import fr.maillage.audit.AuditEvent;
import fr.maillage.audit.AuditEvent.Category;
import fr.maillage.audit.AuditTrail;
import fr.maillage.shared.security.Permission;
import fr.maillage.shared.security.Scope;
import fr.maillage.shared.web.NotFoundException;
import fr.maillage.territory.Commune;
import fr.maillage.territory.TerritoryApi;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes identity records, as the signed-in person, under the permissions table: the Caf
 * (a national administrator, or a Caf advisor in her département) writes every field; a
 * structure's own people write its contact and descriptive fields only. Every change is
 * in the audit trail with the fields it changed; a write that changes nothing writes
 * nothing, not even an audit entry.
 */
@Service
class Registry {

	private final RegistryRepository repository;

	private final AccessPolicy policy;

	private final AuditTrail audit;

	private final TerritoryApi territories;

	private final Clock clock;

	Registry(RegistryRepository repository, AccessPolicy policy, AuditTrail audit, TerritoryApi territories,
			Clock clock) {
		this.repository = repository;
		this.policy = policy;
		this.audit = audit;
		this.territories = territories;
		this.clock = clock;
	}

	/** The reader of typed values, for today. */
	StructureInput input() {
		return new StructureInput(this.territories::commune, java.time.LocalDate.now(this.clock));
	}

	/**
	 * A structure the signed-in person may read the private record of.
	 * @throws NotFoundException outside their scope
	 */
	StructureRecord readable(long id) {
		return this.repository.find(id, this.policy.scopeFor(Permission.READ_PRIVATE_REGISTRY))
			.orElseThrow(() -> new NotFoundException("registry.error.not-found"));
	}

	/** Whether the signed-in person may write every field of this structure. */
	boolean mayEditAll(StructureRecord record) {
		return covers(this.policy.scopeFor(Permission.EDIT_REGISTRY), record.communeCode(), record.id());
	}

	/** Whether the signed-in person may write its contact and descriptive fields. */
	boolean mayEditDescription(StructureRecord record) {
		return covers(this.policy.scopeFor(Permission.EDIT_STRUCTURE_DESCRIPTION), record.communeCode(), record.id());
	}

	/** Whether the signed-in person may place a structure in this commune. */
	boolean mayCreateIn(String communeCode) {
		return covers(this.policy.scopeFor(Permission.EDIT_REGISTRY), communeCode, null);
	}

	/** Whether the signed-in person may create structures somewhere. */
	boolean mayCreate() {
		return !this.policy.scopeFor(Permission.EDIT_REGISTRY).isEmpty();
	}

	/**
	 * Creates a structure.
	 * @throws AccessDeniedException if its commune lies outside the person's registry
	 * scope
	 */
	@Transactional
	long create(StructureFields fields) {
		requireRegistryScope(fields.communeCode(), null);
		long id = this.repository.insert(List.of(fields), this.clock.instant()).getFirst();
		this.audit.record(created(id, fields));
		return id;
	}

	/**
	 * Writes new values over a structure; returns whether anything changed.
	 * @throws AccessDeniedException if a changed field is not the person's to write
	 */
	@Transactional
	boolean update(StructureRecord current, StructureFields fields) {
		StructureFields before = StructureFields.of(current);
		Map<String, Object[]> changes = StructureFields.changes(before, fields);
		if (changes.isEmpty()) {
			return false;
		}
		boolean onlyDescriptive = StructureField.descriptiveFields()
			.stream()
			.map(StructureField::parameter)
			.toList()
			.containsAll(changes.keySet());
		if (!mayEditAll(current) && !(onlyDescriptive && mayEditDescription(current))) {
			throw new AccessDeniedException("May not change " + changes.keySet() + " of structure " + current.id());
		}
		if (changes.containsKey("communeCode")) {
			requireRegistryScope(fields.communeCode(), null);
		}
		this.repository.update(List.of(current.id()), List.of(fields), this.clock.instant());
		this.audit.record(updated(current, changes));
		return true;
	}

	/**
	 * Applies an import: all creations and updates in one transaction, with their audit
	 * entries; the caller checked every line against the person's scope.
	 */
	@Transactional
	void applyImport(List<StructureFields> creations, List<StructureRecord> currents, List<StructureFields> updates) {
		// Thousands of lines name a few hundred communes: look each one up once.
		Map<String, Optional<Commune>> communes = new HashMap<>();
		Function<String, Optional<Commune>> commune = code -> communes.computeIfAbsent(code, this.territories::commune);
		Scope scope = this.policy.scopeFor(Permission.EDIT_REGISTRY);
		List<AuditEvent> events = new ArrayList<>();
		if (!creations.isEmpty()) {
			creations.forEach(fields -> requireRegistryScope(scope, commune, fields.communeCode(), null));
			List<Long> ids = this.repository.insert(creations, this.clock.instant());
			for (int i = 0; i < ids.size(); i++) {
				events.add(created(ids.get(i), creations.get(i), commune));
			}
		}
		if (!updates.isEmpty()) {
			List<Long> ids = new ArrayList<>();
			for (int i = 0; i < updates.size(); i++) {
				StructureRecord current = currents.get(i);
				requireRegistryScope(scope, commune, current.communeCode(), current.id());
				requireRegistryScope(scope, commune, updates.get(i).communeCode(), null);
				events.add(updated(current, StructureFields.changes(StructureFields.of(current), updates.get(i))));
				ids.add(current.id());
			}
			this.repository.update(ids, updates, this.clock.instant());
		}
		this.audit.recordAll(events);
	}

	private void requireRegistryScope(String communeCode, Long structureId) {
		requireRegistryScope(this.policy.scopeFor(Permission.EDIT_REGISTRY), this.territories::commune, communeCode,
				structureId);
	}

	private static void requireRegistryScope(Scope scope, Function<String, Optional<Commune>> communes,
			String communeCode, Long structureId) {
		if (!covers(scope, communes, communeCode, structureId)) {
			throw new AccessDeniedException("Commune " + communeCode + " is outside the registry scope");
		}
	}

	private boolean covers(Scope scope, String communeCode, Long structureId) {
		return covers(scope, this.territories::commune, communeCode, structureId);
	}

	private static boolean covers(Scope scope, Function<String, Optional<Commune>> communes, String communeCode,
			Long structureId) {
		Commune commune = communes.apply(communeCode).orElse(null);
		return commune != null && scope.covers(commune.regionCode(), commune.departementCode(), structureId);
	}

	private AuditEvent created(long id, StructureFields fields) {
		return created(id, fields, this.territories::commune);
	}

	private AuditEvent created(long id, StructureFields fields, Function<String, Optional<Commune>> communes) {
		return new AuditEvent(Category.DATA, "structure.created", actor(), "structure", Long.toString(id),
				communes.apply(fields.communeCode()).map(Commune::departementCode).orElse(null), id, Map.of(),
				fields.asMap());
	}

	private AuditEvent updated(StructureRecord current, Map<String, Object[]> changes) {
		Map<String, Object> before = new LinkedHashMap<>();
		Map<String, Object> after = new LinkedHashMap<>();
		changes.forEach((field, values) -> {
			before.put(field, values[0]);
			after.put(field, values[1]);
		});
		return new AuditEvent(Category.DATA, "structure.updated", actor(), "structure", Long.toString(current.id()),
				current.departementCode(), current.id(), before, after);
	}

	private Long actor() {
		return this.policy.currentUser().map(AccountPrincipal::id).orElse(null);
	}

}
