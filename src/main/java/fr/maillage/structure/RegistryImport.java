package fr.maillage.structure;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.maillage.account.AccessPolicy;
import fr.maillage.account.AccountPrincipal;
import fr.maillage.audit.AuditEvent;
import fr.maillage.audit.AuditEvent.Category;
import fr.maillage.audit.AuditTrail;
import fr.maillage.shared.security.Permission;
import fr.maillage.shared.security.Scope;
import fr.maillage.structure.ImportFiles.Line;
import fr.maillage.structure.ImportFiles.Table;
import fr.maillage.structure.ImportPlan.Change;
import fr.maillage.structure.ImportPlan.Creation;
import fr.maillage.structure.ImportPlan.Problem;
import fr.maillage.structure.ImportPlan.Update;
import fr.maillage.territory.Commune;
import fr.maillage.territory.TerritoryApi;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks an import file against the registry and the importer's scope, and applies it
 * (ADR 17). Each line is matched to a structure by our {@code id} column when filled;
 * else by SIRET and name; else by name and commune; a line that matches none creates a
 * structure. Lines create and update, never delete; a line that changes nothing writes
 * nothing, so importing the same file twice changes nothing the second time.
 */
@Service
class RegistryImport {

	/** What confirming wrote. */
	record Outcome(int created, int updated, int unchanged) implements java.io.Serializable {
	}

	/** The file was confirmed already (a second click, another tab). */
	static final class AlreadyConfirmedException extends RuntimeException {

		AlreadyConfirmedException(long id) {
			super("Import " + id + " was confirmed already");
		}

	}

	static final List<StructureField> REQUIRED_TO_CREATE = List.of(StructureField.NAME, StructureField.KIND,
			StructureField.COMMUNE);

	private final RegistryRepository repository;

	private final RegistryImportRepository files;

	private final Registry registry;

	private final AccessPolicy policy;

	private final TerritoryApi territories;

	private final AuditTrail audit;

	private final Clock clock;

	RegistryImport(RegistryRepository repository, RegistryImportRepository files, Registry registry,
			AccessPolicy policy, TerritoryApi territories, AuditTrail audit, Clock clock) {
		this.repository = repository;
		this.files = files;
		this.registry = registry;
		this.policy = policy;
		this.territories = territories;
		this.audit = audit;
		this.clock = clock;
	}

	/** Where the signed-in person may import (nowhere: answer 403). */
	Scope scope() {
		return this.policy.scopeFor(Permission.EDIT_REGISTRY);
	}

	/** What the file would do, or its problems; writes nothing. */
	ImportPlan check(Table table) {
		Scope scope = scope();
		Map<String, Optional<Commune>> communeCache = new HashMap<>();
		Function<String, Optional<Commune>> communes = code -> communeCache.computeIfAbsent(code,
				this.territories::commune);
		Columns columns = Columns.of(table.header());
		if (!columns.problems().isEmpty()) {
			return ImportPlan.refused(columns.problems());
		}
		return new Check(columns, new Matcher(this.repository.findAll(scope)), scope, communes,
				new StructureInput(communes, LocalDate.now(this.clock)))
			.run(table.lines());
	}

	/**
	 * Applies a clean plan in one transaction, consuming the stored file so that a second
	 * confirmation of it writes nothing.
	 * @throws AlreadyConfirmedException if the stored file is gone
	 */
	@Transactional
	Outcome apply(long importId, long userId, String fileName, ImportPlan plan) {
		if (!plan.clean()) {
			throw new IllegalStateException("An import with problems cannot be applied");
		}
		if (!this.files.delete(importId, userId)) {
			throw new AlreadyConfirmedException(importId);
		}
		this.registry.applyImport(plan.creations().stream().map(Creation::fields).toList(),
				plan.updates().stream().map(Update::current).toList(),
				plan.updates().stream().map(Update::fields).toList());
		Outcome outcome = new Outcome(plan.creations().size(), plan.updates().size(), plan.unchanged());
		if (plan.changesSomething()) {
			Map<String, Object> counts = new LinkedHashMap<>();
			counts.put("file", fileName);
			counts.put("created", outcome.created());
			counts.put("updated", outcome.updated());
			counts.put("unchanged", outcome.unchanged());
			Scope scope = scope();
			String departement = (!scope.nation() && scope.regions().isEmpty() && scope.departements().size() == 1)
					? scope.departements().iterator().next() : null;
			this.audit.record(new AuditEvent(Category.DATA, "registry.imported",
					this.policy.currentUser().map(AccountPrincipal::id).orElse(null), "registry", null, departement,
					null, Map.of(), counts));
		}
		return outcome;
	}

	/** The columns of the file: which field each holds, or problems with the header. */
	record Columns(int idColumn, Map<StructureField, Integer> fields, Set<Integer> ignored, List<Problem> problems) {

		static Columns of(Line header) {
			int id = -1;
			Map<StructureField, Integer> fields = new EnumMap<>(StructureField.class);
			Set<Integer> ignored = new HashSet<>();
			List<Problem> problems = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			for (int i = 0; i < header.cells().size(); i++) {
				String raw = header.cell(i).replace("\uFEFF", "").strip();
				if (raw.isEmpty()) {
					ignored.add(i);
					continue;
				}
				String name = normalized(raw);
				if (!seen.add(name)) {
					problems.add(new Problem(header.number(), raw, "structure.import.error.column-twice", List.of()));
					continue;
				}
				if (name.equals(StructureCells.ID)) {
					id = i;
					continue;
				}
				Optional<StructureField> field = StructureField.byHeader(name);
				if (field.isPresent()) {
					fields.put(field.get(), i);
				}
				else {
					problems.add(new Problem(header.number(), raw, "structure.import.error.unknown-column",
							List.of(raw, String.join(", ", StructureCells.headers()))));
				}
			}
			return new Columns(id, fields, ignored, problems);
		}

		/** "Code commune" or "code_commune " → "code_commune". */
		private static String normalized(String header) {
			return StructureInput.simplified(header).replaceAll("[\\s-]+", "_").toLowerCase(Locale.ROOT);
		}

	}

	/** Finds the structure a line designates among those of the importer's scope. */
	static final class Matcher {

		private final Map<Long, StructureRecord> byId = new HashMap<>();

		private final Map<String, List<StructureRecord>> bySiretAndName = new HashMap<>();

		private final Map<String, List<StructureRecord>> byNameAndCommune = new HashMap<>();

		Matcher(List<StructureRecord> records) {
			for (StructureRecord record : records) {
				this.byId.put(record.id(), record);
				if (record.siret() != null) {
					this.bySiretAndName
						.computeIfAbsent(record.siret() + "|" + name(record.name()), k -> new ArrayList<>())
						.add(record);
				}
				this.byNameAndCommune
					.computeIfAbsent(name(record.name()) + "|" + record.communeCode(), k -> new ArrayList<>())
					.add(record);
			}
		}

		Optional<StructureRecord> byId(long id) {
			return Optional.ofNullable(this.byId.get(id));
		}

		List<StructureRecord> bySiretAndName(String siret, String name) {
			return this.bySiretAndName.getOrDefault(siret + "|" + name(name), List.of());
		}

		List<StructureRecord> byNameAndCommune(String name, String communeCode) {
			return this.byNameAndCommune.getOrDefault(name(name) + "|" + communeCode, List.of());
		}

		/** Case, accents and spacing do not matter. */
		static String name(String name) {
			return StructureInput.simplified(name).replaceAll("\\s+", " ");
		}

	}

	/** The checking of one file's lines. */
	private static final class Check {

		private final Columns columns;

		private final Matcher matcher;

		private final Scope scope;

		private final Function<String, Optional<Commune>> communes;

		private final StructureInput input;

		private final List<Problem> problems = new ArrayList<>();

		private final List<Creation> creations = new ArrayList<>();

		private final List<Update> updates = new ArrayList<>();

		private int unchanged;

		/** The line that first designated each structure, and each new one. */
		private final Map<Long, Integer> matchedBy = new HashMap<>();

		private final Map<String, Integer> createdBy = new HashMap<>();

		Check(Columns columns, Matcher matcher, Scope scope, Function<String, Optional<Commune>> communes,
				StructureInput input) {
			this.columns = columns;
			this.matcher = matcher;
			this.scope = scope;
			this.communes = communes;
			this.input = input;
		}

		ImportPlan run(List<Line> lines) {
			lines.forEach(this::line);
			return new ImportPlan(this.problems, this.creations, this.updates, this.unchanged);
		}

		private void problem(Line line, String column, String key, Object... arguments) {
			this.problems.add(new Problem(line.number(), column, key, List.of(arguments)));
		}

		private void line(Line line) {
			int before = this.problems.size();
			for (int ignored : this.columns.ignored()) {
				if (!line.cell(ignored).isBlank()) {
					problem(line, null, "structure.import.error.untitled-column", ignored + 1);
				}
			}
			Map<StructureField, String> raw = new EnumMap<>(StructureField.class);
			this.columns.fields().forEach((field, index) -> raw.put(field, unprotected(line.cell(index))));
			Optional<StructureRecord> current = match(line, raw);
			if (this.problems.size() > before) {
				return;
			}
			List<StructureField> missing = current.isPresent() ? List.of()
					: REQUIRED_TO_CREATE.stream().filter(field -> !raw.containsKey(field)).toList();
			missing.forEach(field -> problem(line, field.header(), "structure.import.error.missing-column"));
			StructureInput.Result result = this.input.read(raw,
					current.map(StructureFields::of).orElseGet(StructureFields::blank));
			result.problems()
				.stream()
				.filter(p -> !missing.contains(p.field()))
				.forEach(p -> problem(line, p.field().header(), p.key(), p.arguments().toArray()));
			if (this.problems.size() > before) {
				return;
			}
			StructureFields fields = result.fields();
			Commune commune = this.communes.apply(fields.communeCode()).orElseThrow();
			if (!this.scope.covers(commune.regionCode(), commune.departementCode(), null)) {
				problem(line, StructureField.COMMUNE.header(), "structure.import.error.commune-scope", commune.code(),
						commune.name());
				return;
			}
			if (current.isPresent()) {
				classify(line, current.get(), fields);
			}
			else {
				String key = Matcher.name(fields.name()) + "|" + fields.communeCode();
				Integer first = this.createdBy.putIfAbsent(key, line.number());
				if (first != null) {
					problem(line, null, "structure.import.error.duplicate-new", first);
					return;
				}
				this.creations.add(new Creation(line.number(), fields));
			}
		}

		private void classify(Line line, StructureRecord current, StructureFields fields) {
			StructureFields before = StructureFields.of(current);
			if (before.equals(fields)) {
				this.unchanged++;
				return;
			}
			List<Change> changes = StructureFields.changes(before, fields)
				.keySet()
				.stream()
				.map(parameter -> java.util.Arrays.stream(StructureField.values())
					.filter(field -> field.parameter().equals(parameter))
					.findFirst()
					.orElseThrow())
				.map(field -> new Change(field, StructureCells.text(field, before), StructureCells.text(field, fields)))
				.toList();
			this.updates.add(new Update(line.number(), current, fields, changes));
		}

		/**
		 * The structure the line designates: by id; else by SIRET and name; else by name
		 * and commune. Empty for a line that creates; a problem when ambiguous.
		 */
		private Optional<StructureRecord> match(Line line, Map<StructureField, String> raw) {
			int before = this.problems.size();
			Optional<StructureRecord> found = Optional.empty();
			String id = (this.columns.idColumn() >= 0) ? line.cell(this.columns.idColumn()).strip() : "";
			if (!id.isEmpty()) {
				if (!id.matches("[0-9]{1,18}")) {
					problem(line, StructureCells.ID, "structure.import.error.id-format", id);
					return Optional.empty();
				}
				found = this.matcher.byId(Long.parseLong(id));
				if (found.isEmpty()) {
					problem(line, StructureCells.ID, "structure.import.error.id-unknown", id);
					return Optional.empty();
				}
			}
			else {
				String name = blankToNull(raw.get(StructureField.NAME));
				String siret = Optional.ofNullable(blankToNull(raw.get(StructureField.SIRET)))
					.map(Siret::normalize)
					.filter(Siret::isValid)
					.orElse(null);
				if (name != null && siret != null) {
					found = unique(line, this.matcher.bySiretAndName(siret, name));
				}
				String commune = commune(raw.get(StructureField.COMMUNE));
				if (found.isEmpty() && name != null && commune != null && this.problems.size() == before) {
					found = unique(line, this.matcher.byNameAndCommune(name, commune));
				}
			}
			if (found.isPresent() && this.problems.size() == before) {
				Integer first = this.matchedBy.putIfAbsent(found.get().id(), line.number());
				if (first != null) {
					problem(line, null, "structure.import.error.duplicate", first);
					return Optional.empty();
				}
			}
			return found;
		}

		private Optional<StructureRecord> unique(Line line, List<StructureRecord> candidates) {
			if (candidates.size() > 1) {
				problem(line, null, "structure.import.error.ambiguous",
						candidates.stream()
							.map(record -> Long.toString(record.id()))
							.collect(Collectors.joining(", ")));
				return Optional.empty();
			}
			return candidates.stream().findFirst();
		}

		private static String commune(String value) {
			String code = blankToNull(value);
			if (code == null) {
				return null;
			}
			code = code.toUpperCase(Locale.ROOT);
			return (code.length() == 4 && code.chars().allMatch(Character::isDigit)) ? "0" + code : code;
		}

		private static String blankToNull(String value) {
			return (value == null || value.isBlank()) ? null : value.strip();
		}

		/**
		 * Exports protect text that a spreadsheet would take for a formula with a leading
		 * apostrophe ({@link RegistryFiles}); reading it back removes it.
		 */
		static String unprotected(String value) {
			return (value.length() > 1 && value.charAt(0) == '\'' && "=+-@\t\r".indexOf(value.charAt(1)) >= 0)
					? value.substring(1) : value;
		}

	}

}
