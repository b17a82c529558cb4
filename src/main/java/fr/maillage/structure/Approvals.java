package fr.maillage.structure;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.maillage.account.AccessPolicy;
import fr.maillage.account.AccountPrincipal;
import fr.maillage.audit.AuditEvent;
import fr.maillage.audit.AuditEvent.Category;
import fr.maillage.audit.AuditTrail;
import fr.maillage.shared.security.Permission;
import fr.maillage.shared.web.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records approvals and their social projects, their documents, and the renewal
 * milestones' progress, for the Caf (a national administrator, or a Caf advisor in her
 * département). Each change is audited.
 */
@Service
class Approvals {

	static final int MAX_SUMMARY = 4000;

	static final int MAX_NOTE = 1000;

	private final ApprovalRepository repository;

	private final Registry registry;

	private final AccessPolicy policy;

	private final AuditTrail audit;

	private final Clock clock;

	Approvals(ApprovalRepository repository, Registry registry, AccessPolicy policy, AuditTrail audit, Clock clock) {
		this.repository = repository;
		this.registry = registry;
		this.policy = policy;
		this.audit = audit;
		this.clock = clock;
	}

	/** A message for one form field. */
	record Problem(String field, String key, List<Object> arguments) {
	}

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * Records an approval; returns the problems of the form (nothing stored then).
	 * @throws AccessDeniedException if the structure is not the person's to edit
	 */
	@Transactional
	List<Problem> record(StructureRecord structure, ApprovalForm form) {
		requireEditor(structure);
		Map<String, Problem> problems = new LinkedHashMap<>();
		Approval approval = validate(structure, form, null, problems);
		if (!problems.isEmpty()) {
			return List.copyOf(problems.values());
		}
		long id = this.repository.insert(approval, this.clock.instant());
		if (this.repository.isMain(approval.kindCode())) {
			this.repository.insertMilestones(id, approval.endsOn(), today());
			this.repository.silenceOlderMilestones(structure.id(), id);
		}
		this.audit.record(new AuditEvent(Category.DATA, "approval.recorded", actor(), "approval", Long.toString(id),
				structure.departementCode(), structure.id(), Map.of(), fields(approval)));
		return List.of();
	}

	/**
	 * Corrects an approval (its kind stays); when its end date moves, its milestones move
	 * with it, keeping what was done. A milestone moved into the past is not announced;
	 * one moved into the future is announced on its new day.
	 */
	@Transactional
	List<Problem> correct(StructureRecord structure, long approvalId, ApprovalForm form) {
		requireEditor(structure);
		Approval before = approval(structure, approvalId);
		form.setKind(before.kindCode());
		Map<String, Problem> problems = new LinkedHashMap<>();
		Approval after = validate(structure, form, approvalId, problems);
		if (!problems.isEmpty()) {
			return List.copyOf(problems.values());
		}
		Map<String, Object> old = fields(before);
		Map<String, Object> changed = new LinkedHashMap<>();
		Map<String, Object> previous = new LinkedHashMap<>();
		fields(after).forEach((field, value) -> {
			if (!java.util.Objects.equals(old.get(field), value)) {
				previous.put(field, old.get(field));
				changed.put(field, value);
			}
		});
		if (changed.isEmpty()) {
			return List.of();
		}
		this.repository.update(approvalId, after);
		if (before.main() && !before.endsOn().equals(after.endsOn())) {
			this.repository.moveMilestones(approvalId, after.endsOn(), today());
		}
		this.audit.record(new AuditEvent(Category.DATA, "approval.corrected", actor(), "approval",
				Long.toString(approvalId), structure.departementCode(), structure.id(), previous, changed));
		return List.of();
	}

	/** One of the structure's approvals, for the Caf; 404 otherwise. */
	Approval approval(StructureRecord structure, long approvalId) {
		return this.repository.ofStructure(structure.id(), this.policy.scopeFor(Permission.EDIT_REGISTRY))
			.stream()
			.filter(approval -> approval.id() == approvalId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("registry.error.not-found"));
	}

	/** Removes a document uploaded by mistake. */
	@Transactional
	void removeDocument(StructureRecord structure, long documentId) {
		requireEditor(structure);
		ApprovalDocument document = this.repository
			.documentsOf(structure.id(), this.policy.scopeFor(Permission.EDIT_REGISTRY))
			.stream()
			.filter(d -> d.id() == documentId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("registry.error.not-found"));
		this.repository.deleteDocument(documentId);
		this.audit.record(new AuditEvent(
				Category.DATA, "approval.document-removed", actor(), "approval-document", Long.toString(documentId),
				structure.departementCode(), structure.id(), Map.of("approvalId", document.approvalId(), "fileName",
						document.fileName(), "mediaType", document.mediaType(), "size", document.sizeBytes()),
				Map.of()));
	}

	/** The form's values as an approval, or {@code null} with the problems found. */
	private Approval validate(StructureRecord structure, ApprovalForm form, Long excluded,
			Map<String, Problem> problems) {
		List<String> kinds = this.repository.kindsFor(structure.kind());
		String kind = blankToNull(form.getKind());
		if (kind == null) {
			problems.put("kind", new Problem("kind", "approval.error.required", List.of()));
		}
		else if (!kinds.contains(kind)) {
			problems.put("kind", new Problem("kind", "approval.error.kind", List.of(kind)));
		}
		LocalDate starts = date("startsOn", form.getStartsOn(), true, false, problems);
		LocalDate ends = date("endsOn", form.getEndsOn(), true, false, problems);
		LocalDate decided = date("decidedOn", form.getDecidedOn(), false, true, problems);
		if (starts != null && ends != null) {
			if (!ends.isAfter(starts)) {
				problems.put("endsOn", new Problem("endsOn", "approval.error.ends-before-start", List.of()));
			}
			else if (ends.isBefore(starts.plusYears(1).minusDays(1)) || ends.isAfter(starts.plusYears(4))) {
				problems.put("endsOn", new Problem("endsOn", "approval.error.duration", List.of()));
			}
		}
		String body = text("decisionBody", form.getDecisionBody(), 200, problems);
		String summary = text("projectSummary", form.getProjectSummary(), MAX_SUMMARY, problems);
		List<String> axes = (form.getProjectAxes() == null) ? List.of()
				: Arrays.stream(form.getProjectAxes().split("\\R"))
					.map(String::strip)
					.filter(a -> !a.isEmpty())
					.toList();
		if (axes.size() > StructureInput.MAX_AXES) {
			problems.put("projectAxes", new Problem("projectAxes", "structure.error.axes-count",
					List.of(StructureInput.MAX_AXES, axes.size())));
		}
		else if (axes.stream().anyMatch(axis -> axis.length() > StructureInput.MAX_AXIS)) {
			problems.put("projectAxes",
					new Problem("projectAxes", "structure.error.axis-long", List.of(StructureInput.MAX_AXIS)));
		}
		if (problems.isEmpty()) {
			this.repository.lockStructure(structure.id());
			boolean overlaps = this.repository
				.ofStructure(structure.id(), this.policy.scopeFor(Permission.EDIT_REGISTRY))
				.stream()
				.anyMatch(other -> (excluded == null || other.id() != excluded) && other.kindCode().equals(kind)
						&& !other.endsOn().isBefore(starts) && !other.startsOn().isAfter(ends));
			if (overlaps) {
				problems.put("startsOn", new Problem("startsOn", "approval.error.overlap", List.of(kind)));
			}
		}
		return problems.isEmpty()
				? new Approval(0, structure.id(), kind, false, starts, ends, decided, body, axes, summary) : null;
	}

	private static Map<String, Object> fields(Approval approval) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("kind", approval.kindCode());
		fields.put("startsOn", approval.startsOn());
		fields.put("endsOn", approval.endsOn());
		fields.put("decidedOn", approval.decidedOn());
		fields.put("decisionBody", approval.decisionBody());
		fields.put("projectAxes", approval.projectAxes());
		fields.put("projectSummary", approval.projectSummary());
		return fields;
	}

	/** Marks a renewal milestone done; returns the problems of the form. */
	@Transactional
	List<Problem> markMilestoneDone(StructureRecord structure, long milestoneId, String doneOn, String note) {
		requireEditor(structure);
		RenewalMilestone milestone = this.repository
			.milestonesOf(structure.id(), this.policy.scopeFor(Permission.EDIT_REGISTRY))
			.stream()
			.filter(m -> m.id() == milestoneId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("registry.error.not-found"));
		Map<String, Problem> problems = new LinkedHashMap<>();
		LocalDate done = date("doneOn", doneOn, true, true, problems);
		String text = text("note", note, MAX_NOTE, problems);
		if (!problems.isEmpty()) {
			return List.copyOf(problems.values());
		}
		this.repository.markDone(milestoneId, done, text, actor());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("kind", milestone.kind());
		after.put("doneOn", done);
		after.put("note", text);
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("doneOn", milestone.doneOn());
		before.put("note", milestone.note());
		this.audit.record(new AuditEvent(Category.DATA, "milestone.done", actor(), "milestone",
				Long.toString(milestoneId), structure.departementCode(), structure.id(), before, after));
		return List.of();
	}

	/** Stores a social project document; returns a problem key if refused. */
	@Transactional
	Optional<String> addDocument(StructureRecord structure, long approvalId, String fileName, byte[] content) {
		requireEditor(structure);
		approval(structure, approvalId);
		if (content.length == 0) {
			return Optional.of("approval.document.error.empty");
		}
		if (content.length > DocumentTypes.MAX_BYTES) {
			return Optional.of("approval.document.error.too-large");
		}
		Optional<String> mediaType = DocumentTypes.detect(content);
		if (mediaType.isEmpty()) {
			return Optional.of("approval.document.error.type");
		}
		String name = withExtension(cleanFileName(fileName), DocumentTypes.extension(mediaType.get()));
		long id = this.repository.insertDocument(approvalId, name, mediaType.get(), content, this.clock.instant(),
				actor());
		this.audit.record(new AuditEvent(Category.DATA, "approval.document-added", actor(), "approval-document",
				Long.toString(id), structure.departementCode(), structure.id(), Map.of(), Map.of("approvalId",
						approvalId, "fileName", name, "mediaType", mediaType.get(), "size", content.length)));
		return Optional.empty();
	}

	/** Replaces a file name's extension with the one of its detected type. */
	static String withExtension(String name, String extension) {
		int dot = name.lastIndexOf('.');
		String base = (dot > 0) ? name.substring(0, dot) : name;
		return base + "." + extension;
	}

	/** Keeps the last path segment and drops control characters. */
	static String cleanFileName(String fileName) {
		String name = (fileName == null || fileName.isBlank()) ? "document" : fileName;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
		return name.isEmpty() ? "document" : (name.length() > 200) ? name.substring(name.length() - 200) : name;
	}

	private void requireEditor(StructureRecord structure) {
		if (!this.registry.mayEditAll(structure)) {
			throw new AccessDeniedException("Not the Caf of structure " + structure.id());
		}
	}

	private LocalDate date(String field, String value, boolean required, boolean notFuture,
			Map<String, Problem> problems) {
		String text = blankToNull(value);
		if (text == null) {
			if (required) {
				problems.put(field, new Problem(field, "approval.error.required", List.of()));
			}
			return null;
		}
		Optional<LocalDate> date = StructureInput.parseDate(text);
		if (date.isEmpty()) {
			problems.put(field, new Problem(field, "structure.error.date", List.of(text)));
			return null;
		}
		if (notFuture && date.get().isAfter(today())) {
			problems.put(field, new Problem(field, "structure.error.date-future", List.of(text)));
			return null;
		}
		return date.get();
	}

	private static String text(String field, String value, int max, Map<String, Problem> problems) {
		String text = blankToNull(value);
		if (text != null && text.length() > max) {
			problems.put(field, new Problem(field, "structure.error.too-long", List.of(max)));
			return null;
		}
		return text;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private Long actor() {
		return this.policy.currentUser().map(AccountPrincipal::id).orElse(null);
	}

}
