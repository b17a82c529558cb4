package fr.maillage.questionnaire;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The types of a question (docs/questionnaire-format.md). */
public enum QuestionType {

	INTEGER, DECIMAL, MONEY, PERCENTAGE, FTE, YES_NO, SINGLE_CHOICE, MULTIPLE_CHOICE, DATE, SHORT_TEXT, LONG_TEXT,
	REPEAT;

	/** The name used in definition files, e.g. {@code single_choice}. */
	public String fileName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public boolean numeric() {
		return this == INTEGER || this == DECIMAL || this == MONEY || this == PERCENTAGE || this == FTE;
	}

	public boolean choice() {
		return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
	}

	static Optional<QuestionType> fromFile(String name) {
		return Arrays.stream(values()).filter(type -> type.fileName().equals(name)).findFirst();
	}

}
