package fr.maillage.questionnaire.expression;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ExpressionTypeCheckTests {

	private static final Map<String, ValueType> TYPES = Map.of("montant", ValueType.NUMBER, "total", ValueType.NUMBER,
			"nom", ValueType.TEXT, "ouvert", ValueType.BOOLEAN, "creation", ValueType.DATE, "financeurs",
			ValueType.CHOICES, "statut", ValueType.TEXT, "partenaires", ValueType.REPEAT, "partenaire_montant",
			ValueType.NUMBER, "partenaire_nom", ValueType.TEXT);

	private static final TypeEnvironment ENVIRONMENT = TypeEnvironment.of(TYPES::get,
			(code) -> code.startsWith("partenaire_") ? "partenaires" : null);

	private static ValueType typeOf(String source) {
		return Expressions.parse(source).check(ENVIRONMENT);
	}

	private static String typeError(String source) {
		return typeError(source, ENVIRONMENT);
	}

	private static String typeError(String source, TypeEnvironment environment) {
		return catchThrowableOfType(ExpressionException.class,
				() -> Expressions.parseConstraint(source).check(environment))
			.getMessage();
	}

	@Test
	void typesOfWellTypedExpressions() {
		assertThat(typeOf("montant + total * 2")).isEqualTo(ValueType.NUMBER);
		assertThat(typeOf("montant > 0 and not ouvert")).isEqualTo(ValueType.BOOLEAN);
		assertThat(typeOf("nom = 'Maison'")).isEqualTo(ValueType.BOOLEAN);
		assertThat(typeOf("creation < creation")).isEqualTo(ValueType.BOOLEAN);
		assertThat(typeOf("if(ouvert, nom, 'fermé')")).isEqualTo(ValueType.TEXT);
		assertThat(typeOf("if(ouvert, montant, null)")).isEqualTo(ValueType.NUMBER);
		assertThat(typeOf("montant = null")).isEqualTo(ValueType.BOOLEAN);
		assertThat(typeOf("round(abs(min(montant, total)) / max(1, total), 2)")).isEqualTo(ValueType.NUMBER);
		assertThat(typeOf("selected(financeurs, 'caf') or selected(statut, 'asso')")).isEqualTo(ValueType.BOOLEAN);
		assertThat(typeOf("answered(creation) and answered(partenaires)")).isEqualTo(ValueType.BOOLEAN);
		assertThat(typeOf("count(partenaires) + sum(partenaire_montant)")).isEqualTo(ValueType.NUMBER);
	}

	@Test
	void arithmeticOnOtherTypesIsAnError() {
		assertThat(typeError("nom + montant"))
			.isEqualTo("on ne peut pas additionner un texte et un nombre en colonne 5");
		assertThat(typeError("nom * nom")).startsWith("on ne peut pas multiplier deux textes");
		assertThat(typeError("creation - 1")).startsWith("on ne peut pas soustraire une date et un nombre");
		assertThat(typeError("ouvert / null")).startsWith("on ne peut pas diviser un oui/non et null");
		assertThat(typeError("-nom")).startsWith("le signe « - » s’applique à un nombre, pas à un texte");
	}

	@Test
	void comparingValuesOfDifferentTypesIsAnError() {
		assertThat(typeError("nom = 3")).startsWith("on ne peut pas comparer un texte et un nombre");
		assertThat(typeError("nom < 'b'")).startsWith("« < » compare des nombres ou des dates, pas un texte");
		assertThat(typeError("ouvert >= true")).contains("pas un oui/non");
		assertThat(typeError("financeurs = financeurs")).contains("utilisez selected()");
	}

	@Test
	void conditionsMustBeBooleans() {
		assertThat(typeError("montant and ouvert")).isEqualTo("la condition doit être vraie ou fausse en colonne 1");
		assertThat(typeError("not nom")).startsWith("la condition doit être vraie ou fausse");
		assertThat(typeError("if(montant, 1, 2)")).startsWith("la condition doit être vraie ou fausse");
		assertThat(typeError("if(ouvert, 1, 'x')")).startsWith("les deux branches de « if »");
	}

	@Test
	void functionsCheckTheirArgumentTypes() {
		assertThat(typeError("sum(montant, nom)")).startsWith("« sum » attend des nombres, pas un texte");
		assertThat(typeError("abs(creation)")).startsWith("« abs » attend des nombres, pas une date");
		assertThat(typeError("round(montant, 'deux')")).startsWith("« round » attend des nombres");
		assertThat(typeError("selected(montant, 'x')")).startsWith("« selected » s’applique à une question à choix");
		assertThat(typeError("count(montant)")).contains("« montant » n’en est pas une");
	}

	@Test
	void unknownCodesAreErrors() {
		assertThat(typeError("montant + fin_cafe")).isEqualTo("code inconnu « fin_cafe » en colonne 11");
		assertThat(typeError("count(inconnu)")).startsWith("code inconnu « inconnu »");
		assertThat(typeError("answered(inconnu)")).startsWith("code inconnu « inconnu »");
	}

	@Test
	void repeatCodesStayInTheirScope() {
		assertThat(typeError("partenaires > 0"))
			.startsWith("« partenaires » est une répétition : utilisez count(partenaires)");
		assertThat(typeError("partenaire_montant > 0")).contains("hors de celle-ci, utilisez sum(partenaire_montant)");
		TypeEnvironment inItem = ENVIRONMENT.inRepeat("partenaires");
		assertThat(Expressions.parse("partenaire_montant <= montant and partenaire_nom != ''").check(inItem))
			.isEqualTo(ValueType.BOOLEAN);
	}

	@Test
	void currentValueHasTheTypeOfTheCheckedQuestion() {
		TypeEnvironment constraint = ENVIRONMENT.withCurrentValue(ValueType.NUMBER);
		Expression expression = Expressions.parseConstraint(". <= 365 or ouvert");
		assertThat(expression.check(constraint)).isEqualTo(ValueType.BOOLEAN);
		assertThat(typeError(". <= 365")).startsWith("« . » (la valeur vérifiée) n’est permis que dans une contrainte");
		assertThat(typeError(". = 'x'", constraint)).startsWith("on ne peut pas comparer un nombre et un texte");
	}

	@Test
	void resultMustHaveTheExpectedType() {
		Expressions.parse("montant > 0").check(ENVIRONMENT, ValueType.BOOLEAN);
		Expressions.parse("montant + total").check(ENVIRONMENT, ValueType.NUMBER);
		assertThat(catchThrowableOfType(ExpressionException.class,
				() -> Expressions.parse("montant + 1").check(ENVIRONMENT, ValueType.BOOLEAN))
			.reason()).isEqualTo("la condition doit être vraie ou fausse, pas un nombre");
		assertThat(catchThrowableOfType(ExpressionException.class,
				() -> Expressions.parse("nom").check(ENVIRONMENT, ValueType.NUMBER))
			.reason()).isEqualTo("l’expression doit donner un nombre, pas un texte");
		assertThat(typeError("null")).startsWith("l’expression vaut toujours null");
	}

}
