package fr.maillage.questionnaire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import fr.maillage.audit.AuditEvent;
import fr.maillage.audit.AuditEvent.Category;
import fr.maillage.audit.AuditTrail;
import fr.maillage.questionnaire.DefinitionError.Part;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks and publishes questionnaire definitions, and serves the published ones. A
 * version is published whole or not at all; once published it never changes.
 */
@Service
public class Questionnaires {

	private final QuestionnaireRepository repository;

	private final AuditTrail audit;

	private final Clock clock;

	/** Published versions never change: their parsed form is kept once read. */
	private final Map<Long, Definition> definitions = new ConcurrentHashMap<>();

	Questionnaires(QuestionnaireRepository repository, AuditTrail audit, Clock clock) {
		this.repository = repository;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * What checking a definition file found: the definition if it is clean, every
	 * problem, and the problems as the person should read them (by line in a YAML file;
	 * by sheet, row and column in a workbook).
	 */
	public record Checked(Definition definition, List<DefinitionError> errors, List<String> report) {

		Checked(Definition definition, List<DefinitionError> errors) {
			this(definition, errors, errors.stream().map(DefinitionError::toString).toList());
		}

		public boolean publishable() {
			return this.errors.isEmpty();
		}

	}

	/** Reads and checks a YAML definition file against the versions already published. */
	public Checked check(String source) {
		DefinitionReader reader = new DefinitionReader();
		return check(reader.read(source), reader.errors(), DefinitionError::toString,
				Comparator.comparingInt(DefinitionError::line));
	}

	/**
	 * Reads and checks a definition workbook (docs/questionnaire-format.md, "Workbook")
	 * against the versions already published.
	 */
	public Checked checkWorkbook(byte[] workbook) {
		WorkbookDefinitionReader reader = new WorkbookDefinitionReader();
		Definition definition = reader.read(workbook);
		List<DefinitionError> errors = new ArrayList<>(reader.errors());
		if (definition != null && DefinitionWriter.write(definition).length() > DefinitionReader.MAX_LENGTH) {
			// It is published as YAML, which must stay within what the YAML reader reads.
			errors.add(new DefinitionError(Part.FILE, 0, null,
					"ce questionnaire, écrit en YAML, dépasserait " + DefinitionReader.MAX_LENGTH / 1000
							+ " ko : c’est plus que ce qu’un questionnaire peut compter."));
			definition = null;
		}
		return check(definition, errors, reader::describe,
				Comparator.comparing(DefinitionError::part).thenComparingInt(DefinitionError::line));
	}

	private Checked check(Definition definition, List<DefinitionError> readErrors,
			Function<DefinitionError, String> describe, Comparator<DefinitionError> order) {
		List<DefinitionError> errors = new ArrayList<>(readErrors);
		if (definition != null) {
			List<Definition> published = new ArrayList<>();
			for (String other : this.repository.sourcesOf(definition.family())) {
				Definition read = new DefinitionReader().read(other);
				if (read != null) {
					published.add(read);
				}
			}
			errors.addAll(new DefinitionChecks().check(definition, published));
			errors.addAll(new ExpressionChecks().check(definition));
		}
		errors.sort(order);
		return new Checked(errors.isEmpty() ? definition : null, errors, errors.stream().map(describe).toList());
	}

	/**
	 * Publishes a YAML definition file if it is clean; returns the problems otherwise
	 * (nothing is stored then).
	 */
	@Transactional
	public Checked publish(String source, Long userId) {
		Checked checked = check(source);
		return checked.publishable() ? store(checked, source, "yaml", userId) : checked;
	}

	/**
	 * Publishes a definition workbook if it is clean, as the YAML file it amounts to (ADR
	 * 0019): a published version stays one readable text, whatever it was uploaded as.
	 */
	@Transactional
	public Checked publishWorkbook(byte[] workbook, Long userId) {
		Checked checked = checkWorkbook(workbook);
		if (!checked.publishable()) {
			return checked;
		}
		String source = DefinitionWriter.write(checked.definition());
		Definition reread = new DefinitionReader().read(source);
		if (reread == null || !reread.withoutLines().equals(checked.definition().withoutLines())) {
			// Publishing something else than what was checked would be worse than
			// failing.
			throw new IllegalStateException("The YAML written from workbook " + checked.definition().family() + " "
					+ checked.definition().version() + " does not read back the same");
		}
		return store(checked, source, "xlsx", userId);
	}

	private Checked store(Checked checked, String source, String uploadedAs, Long userId) {
		Definition definition = checked.definition();
		Optional<Long> id = this.repository.insert(definition, source, sha256(source), this.clock.instant(), userId);
		if (id.isEmpty()) {
			DefinitionError taken = new DefinitionError(Part.HEADER, 1, "version",
					"la version « " + definition.version() + " » de ce questionnaire est déjà publiée.");
			// Published meanwhile: no line or cell to point at.
			return new Checked(null, List.of(taken), List.of(taken.message()));
		}
		this.audit.record(new AuditEvent(Category.DATA, "questionnaire.published", userId, "questionnaire",
				Long.toString(id.get()), null, null, Map.of(),
				Map.of("family", definition.family(), "version", definition.version(), "questions",
						definition.allQuestions().size(), "uploadedAs", uploadedAs)));
		return checked;
	}

	/** A published version as a workbook, to start the next version from. */
	public Optional<byte[]> workbook(long id) {
		return definition(id).map(DefinitionWorkbook::write);
	}

	/**
	 * A published version and its definition.
	 *
	 * @param publishedNow whether this call published it
	 */
	public record Version(long id, Definition definition, boolean publishedNow) {
	}

	/**
	 * The national questionnaire shipped with the application
	 * ({@code questionnaire/national-2026.yaml}), published first if this database does
	 * not have that version yet. Idempotent: start-up and demo data steps, which may run
	 * before start-up completes, all use it, and several instances starting together
	 * publish it once.
	 * @throws IllegalStateException if the shipped file does not load (a build defect)
	 */
	@Transactional
	public Version shippedNational() {
		String source = NationalQuestionnaire.read();
		Definition shipped = new DefinitionReader().read(source);
		Optional<Long> existing = (shipped != null) ? this.repository.idOf(shipped.family(), shipped.version())
				: Optional.empty();
		if (existing.isPresent()) {
			return new Version(existing.get(), definition(existing.get()).orElseThrow(), false);
		}
		Checked checked = publish(source, null);
		// Another instance may have published it meanwhile: then it is there now.
		Optional<Long> id = (shipped != null) ? this.repository.idOf(shipped.family(), shipped.version())
				: Optional.empty();
		if (id.isEmpty()) {
			throw new IllegalStateException("The shipped national questionnaire does not load: " + checked.errors());
		}
		return new Version(id.get(), definition(id.get()).orElseThrow(), checked.publishable());
	}

	/** The published versions, by family then date. */
	public List<QuestionnaireRepository.Published> published() {
		return this.repository.published();
	}

	/** A published version, without its definition. */
	public Optional<QuestionnaireRepository.Published> published(long id) {
		return published().stream().filter(published -> published.id() == id).findFirst();
	}

	/** A published version's definition. */
	public Optional<Definition> definition(long id) {
		Definition known = this.definitions.get(id);
		if (known != null) {
			return Optional.of(known);
		}
		return this.repository.source(id).map(source -> {
			Definition definition = new DefinitionReader().read(source);
			this.definitions.put(id, definition);
			return definition;
		});
	}

	static String sha256(String source) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
