package fr.maillage.questionnaire;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads one typed answer the French way and shows it back the same way: "1 234,5", "12
 * %", "3 500 €", "31/12/2025", "oui". What cannot be read gets a French message for its
 * field, never an exception.
 */
public final class AnswerInput {

	static final int SHORT_TEXT = 200;

	static final int LONG_TEXT = 4000;

	private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private AnswerInput() {
	}

	/**
	 * What was read: a value ({@code null} for an empty field), or a message key with its
	 * arguments.
	 */
	public record Read(Object value, String problem, List<Object> arguments) {

		static Read value(Object value) {
			return new Read(value, null, List.of());
		}

		static Read problem(String key, Object... arguments) {
			return new Read(null, key, Arrays.asList(arguments));
		}

		public boolean ok() {
			return this.problem == null;
		}

	}

	/** Reads the typed text of a question (several choices separated by commas). */
	public static Read read(Definition.Question question, List<Definition.Choice> choices, String typed) {
		String text = (typed == null) ? "" : typed.replace('\u00A0', ' ').replace('\u202F', ' ').strip();
		if (text.isEmpty()) {
			return Read.value(null);
		}
		return switch (question.type()) {
			case INTEGER -> number(question, text, 0, "");
			case DECIMAL -> number(question, text, 6, "");
			case FTE -> number(question, text, 2, "");
			case MONEY -> number(question, text, 2, "€");
			case PERCENTAGE -> number(question, text, 2, "%");
			case YES_NO -> switch (text.toLowerCase(Locale.FRENCH)) {
				case "oui", "true", "o" -> Read.value(Boolean.TRUE);
				case "non", "false", "n" -> Read.value(Boolean.FALSE);
				default -> Read.problem("answer.error.yes-no", text);
			};
			case SINGLE_CHOICE -> choices.stream().anyMatch(choice -> choice.code().equals(text)) ? Read.value(text)
					: Read.problem("answer.error.choice", text);
			case MULTIPLE_CHOICE -> multiple(choices, text);
			case DATE -> date(text);
			case SHORT_TEXT ->
				(text.length() > SHORT_TEXT) ? Read.problem("answer.error.too-long", SHORT_TEXT) : Read.value(text);
			case LONG_TEXT ->
				(text.length() > LONG_TEXT) ? Read.problem("answer.error.too-long", LONG_TEXT) : Read.value(text);
			case REPEAT -> Read.problem("answer.error.not-typed");
		};
	}

	/** A value shown back the French way, as the person would type it. */
	public static String show(Definition.Question question, Object value) {
		if (value == null) {
			return "";
		}
		return switch (question.type()) {
			case INTEGER, DECIMAL, FTE -> french((BigDecimal) value);
			case MONEY -> french((BigDecimal) value) + "\u00A0€";
			case PERCENTAGE -> french((BigDecimal) value) + "\u00A0%";
			case YES_NO -> Boolean.TRUE.equals(value) ? "oui" : "non";
			case DATE -> FRENCH_DATE.format((LocalDate) value);
			case MULTIPLE_CHOICE -> String.join(", ", ((Set<?>) value).stream().map(Object::toString).toList());
			default -> value.toString();
		};
	}

	private static Read number(Definition.Question question, String text, int maxDecimals, String unit) {
		String digits = text;
		if (!unit.isEmpty()) {
			digits = digits.replace(unit, "");
			if (unit.equals("€")) {
				digits = digits.replaceAll("(?i)euros?|eur", "");
			}
		}
		digits = digits.replace(" ", "");
		if (digits.matches("-?[0-9]+([.,][0-9]+)?") && !(digits.contains(",") && digits.contains("."))) {
			BigDecimal number = new BigDecimal(digits.replace(',', '.'));
			if (number.stripTrailingZeros().scale() > maxDecimals) {
				return (maxDecimals == 0) ? Read.problem("answer.error.integer", text)
						: Read.problem("answer.error.decimals", maxDecimals);
			}
			if (question.type() == QuestionType.PERCENTAGE
					&& (number.signum() < 0 || number.compareTo(BigDecimal.valueOf(100)) > 0)) {
				return Read.problem("answer.error.percentage", text);
			}
			if ((question.min() != null && number.compareTo(question.min()) < 0)
					|| (question.max() != null && number.compareTo(question.max()) > 0)) {
				return Read.problem(bounds(question), bound(question.min()), bound(question.max()));
			}
			return Read.value(number.stripTrailingZeros().scale() < 0 ? number.setScale(0) : number);
		}
		return Read.problem((maxDecimals == 0) ? "answer.error.integer" : "answer.error.number", text);
	}

	private static String bounds(Definition.Question question) {
		if (question.min() != null && question.max() != null) {
			return "answer.error.between";
		}
		return (question.min() != null) ? "answer.error.at-least" : "answer.error.at-most";
	}

	private static String bound(BigDecimal bound) {
		return (bound != null) ? french(bound) : "";
	}

	private static Read multiple(List<Definition.Choice> choices, String text) {
		Set<String> known = choices.stream().map(Definition.Choice::code).collect(Collectors.toSet());
		Set<String> codes = new LinkedHashSet<>();
		for (String code : text.split("\\s*,\\s*")) {
			if (!known.contains(code)) {
				return Read.problem("answer.error.choice", code);
			}
			codes.add(code);
		}
		return Read.value(Set.copyOf(codes));
	}

	private static Read date(String text) {
		for (DateTimeFormatter format : List.of(FRENCH_DATE, DateTimeFormatter.ISO_LOCAL_DATE)) {
			try {
				return Read.value(LocalDate.parse(text, format));
			}
			catch (DateTimeParseException ex) {
				// the next format
			}
		}
		return Read.problem("answer.error.date", text);
	}

	/**
	 * "1 234,5" with a narrow no-break space between thousands, as French typography has
	 * it.
	 */
	static String french(BigDecimal number) {
		DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.FRENCH);
		symbols.setGroupingSeparator('\u202F');
		symbols.setDecimalSeparator(',');
		DecimalFormat format = new DecimalFormat("#,##0.######", symbols);
		return format.format(number);
	}

}
