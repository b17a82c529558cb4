package fr.maillage.questionnaire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import fr.maillage.audit.AuditEvent;
import fr.maillage.audit.AuditEvent.Category;
import fr.maillage.audit.AuditTrail;

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

	/** What checking a definition file found. */
	public record Checked(Definition definition, List<DefinitionError> errors) {

		public boolean publishable() {
			return this.errors.isEmpty();
		}

	}

	/** Reads and checks a definition file against the versions already published. */
	public Checked check(String source) {
		DefinitionReader reader = new DefinitionReader();
		Definition definition = reader.read(source);
		if (definition == null) {
			return new Checked(null, reader.errors());
		}
		List<Definition> published = new ArrayList<>();
		for (String other : this.repository.sourcesOf(definition.family())) {
			Definition read = new DefinitionReader().read(other);
			if (read != null) {
				published.add(read);
			}
		}
		List<DefinitionError> errors = new ArrayList<>(new DefinitionChecks().check(definition, published));
		errors.addAll(new ExpressionChecks().check(definition));
		errors.sort(java.util.Comparator.comparingInt(DefinitionError::line));
		return new Checked(errors.isEmpty() ? definition : null, errors);
	}

	/**
	 * Publishes a definition file if it is clean; returns the problems otherwise (nothing
	 * is stored then).
	 */
	@Transactional
	public Checked publish(String source, Long userId) {
		Checked checked = check(source);
		if (!checked.publishable()) {
			return checked;
		}
		Definition definition = checked.definition();
		Optional<Long> id = this.repository.insert(definition, source, sha256(source), this.clock.instant(), userId);
		if (id.isEmpty()) {
			return new Checked(null, List.of(new DefinitionError(1,
					"la version « " + definition.version() + " » de ce questionnaire est déjà publiée.")));
		}
		this.audit.record(new AuditEvent(Category.DATA, "questionnaire.published", userId, "questionnaire",
				Long.toString(id.get()), null, null, Map.of(), Map.of("family", definition.family(), "version",
						definition.version(), "questions", definition.allQuestions().size())));
		return checked;
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
