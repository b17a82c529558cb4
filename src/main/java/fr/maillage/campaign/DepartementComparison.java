package fr.maillage.campaign;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import fr.maillage.questionnaire.Definition;
import fr.maillage.questionnaire.QuestionType;

import org.springframework.stereotype.Service;

/**
 * "Vos chiffres et ceux de votre département": for a few key questions of the core, a
 * structure's value beside the median of the other structures of the same kind in its
 * département that submitted (or had validated) their response to the same campaign.
 * Shown only when at least {@link #MIN_OTHERS} of them did: below that, a median would
 * nearly give away someone's figures, and means little.
 */
@Service
class DepartementComparison {

	/** The fewest other responses a median is shown for. */
	static final int MIN_OTHERS = 5;

	/** The questions compared, in this order (those the structure's kind sees). */
	static final List<String> CODES = List.of("jours_ouverture", "salaries_effectif", "etp_salaries",
			"benevoles_reguliers", "etp_benevoles", "familles_touchees", "produits_total", "charges_total");

	private final TrackingRepository repository;

	DepartementComparison(TrackingRepository repository) {
		this.repository = repository;
	}

	/** One question: its label, the structure's value and the median (formatted). */
	public record Line(String code, String label, String own, String median) {
	}

	/**
	 * The comparison: shown, or not with how many others answered (and the minimum).
	 */
	public record Comparison(boolean shown, int others, int minimum, String kind, List<Line> lines) {
	}

	Comparison of(AnswerSheet.Sheet sheet) {
		Definition definition = sheet.definition();
		List<Definition.Question> questions = new ArrayList<>();
		for (String code : CODES) {
			definition.question(code).filter(sheet::sees).ifPresent(questions::add);
		}
		TrackingRepository.Medians medians = this.repository.departementMedians(sheet.campaign().id(),
				sheet.structure().departementCode(), sheet.kind(), sheet.structure().id(),
				questions.stream().map(Definition.Question::code).toList());
		if (medians.structures() < MIN_OTHERS) {
			return new Comparison(false, medians.structures(), MIN_OTHERS, sheet.kind(), List.of());
		}
		List<Line> lines = new ArrayList<>();
		for (Definition.Question question : questions) {
			String own = Optional.ofNullable(sheet.stored().get(AnswerSheet.key(question.code(), 0)))
				.map(AnswerRepository.Stored::value)
				.map(value -> format(question, value))
				.orElse(null);
			BigDecimal median = medians.medians().get(question.code());
			lines.add(new Line(question.code(), question.label(), own,
					(median != null) ? format(question, median.toPlainString()) : null));
		}
		return new Comparison(true, medians.structures(), MIN_OTHERS, sheet.kind(), lines);
	}

	/** A number the French way ("12 500 €", "3,5"); other text as it is. */
	static String format(Definition.Question question, String value) {
		BigDecimal number;
		try {
			number = new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			return value;
		}
		NumberFormat format = NumberFormat.getNumberInstance(Locale.FRANCE);
		format.setMaximumFractionDigits((question.type() == QuestionType.MONEY) ? 0 : 2);
		String text = format.format(number);
		return (question.type() == QuestionType.MONEY) ? text + "\u00a0€" : text;
	}

}
