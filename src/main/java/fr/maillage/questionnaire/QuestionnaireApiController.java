package fr.maillage.questionnaire;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import fr.maillage.shared.web.NotFoundException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Published questionnaire versions, public (no sign-in needed). */
@RestController
@RequestMapping("/api/v1/questionnaires")
class QuestionnaireApiController {

	private final Questionnaires questionnaires;

	QuestionnaireApiController(Questionnaires questionnaires) {
		this.questionnaires = questionnaires;
	}

	@GetMapping
	List<Summary> list() {
		return this.questionnaires.published()
			.stream()
			.map(published -> new Summary(published.id(), published.family(), published.version(), published.title(),
					published.publishedAt(),
					this.questionnaires.definition(published.id())
						.map(definition -> definition.allQuestions().size())
						.orElse(0)))
			.toList();
	}

	@GetMapping("/{id}")
	Detail one(@PathVariable long id) {
		QuestionnaireRepository.Published published = this.questionnaires.published(id)
			.orElseThrow(() -> new NotFoundException("questionnaire.unknown", id));
		Definition definition = this.questionnaires.definition(id).orElseThrow();
		return new Detail(id, definition.family(), definition.version(), definition.title(), published.publishedAt(),
				definition.sections()
					.stream()
					.map(section -> new SectionView(section.code(), section.title(), kinds(section.kinds()),
							section.block(),
							section.questions().stream().map(question -> view(question, section)).toList()))
					.toList());
	}

	private static QuestionView view(Definition.Question question, Definition.Section section) {
		return new QuestionView(question.code(), question.type().fileName(), question.label(), question.core(),
				question.unit(), kinds(question.kinds().isEmpty() ? section.kinds() : question.kinds()),
				question.calculate() != null, question.children().stream().map(child -> view(child, section)).toList());
	}

	private static Set<String> kinds(Set<String> kinds) {
		return kinds.isEmpty() ? new TreeSet<>(Set.of("CS", "EVS")) : new TreeSet<>(kinds);
	}

	record Summary(long id, String family, String version, String title, Instant publishedAt, int questions) {
	}

	record Detail(long id, String family, String version, String title, Instant publishedAt,
			List<SectionView> sections) {
	}

	record SectionView(String code, String title, Set<String> kinds, String block, List<QuestionView> questions) {
	}

	/**
	 * @param computed whether the value is computed (not typed)
	 * @param questions the questions of one item, for a repeat group
	 */
	record QuestionView(String code, String type, String label, boolean core, String unit, Set<String> kinds,
			boolean computed, List<QuestionView> questions) {
	}

}
