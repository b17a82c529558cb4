package fr.maillage.questionnaire.expression;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ExpressionParsingTests {

	private static Object evaluate(String source) {
		return Expressions.parse(source).evaluate(Values.of(Map.of()));
	}

	private static ExpressionException parseError(String source) {
		return org.assertj.core.api.Assertions.catchThrowableOfType(ExpressionException.class,
				() -> Expressions.parse(source));
	}

	@Test
	void multiplicationBindsTighterThanAddition() {
		assertThat((BigDecimal) evaluate("1 + 2 * 3")).isEqualByComparingTo("7");
		assertThat((BigDecimal) evaluate("(1 + 2) * 3")).isEqualByComparingTo("9");
		assertThat((BigDecimal) evaluate("10 - 6 / 2")).isEqualByComparingTo("7");
	}

	@Test
	void arithmeticIsLeftAssociative() {
		assertThat((BigDecimal) evaluate("10 - 4 - 3")).isEqualByComparingTo("3");
		assertThat((BigDecimal) evaluate("24 / 4 / 2")).isEqualByComparingTo("3");
		assertThat((BigDecimal) evaluate("2 * 3 - 1 - 1")).isEqualByComparingTo("4");
	}

	@Test
	void unaryMinusBindsTighterThanMultiplication() {
		assertThat((BigDecimal) evaluate("-2 * 3")).isEqualByComparingTo("-6");
		assertThat((BigDecimal) evaluate("- -2")).isEqualByComparingTo("2");
		assertThat((BigDecimal) evaluate("3 - -2")).isEqualByComparingTo("5");
	}

	@Test
	void andBindsTighterThanOrAndNotTighterThanAnd() {
		assertThat(evaluate("true or false and false")).isEqualTo(true);
		assertThat(evaluate("(true or false) and false")).isEqualTo(false);
		assertThat(evaluate("not false and false")).isEqualTo(false);
		assertThat(evaluate("not (false and false)")).isEqualTo(true);
	}

	@Test
	void comparisonBindsTighterThanNotAndLooserThanArithmetic() {
		assertThat(evaluate("not 1 = 2")).isEqualTo(true);
		assertThat(evaluate("1 + 1 = 2 and 2 * 2 >= 4")).isEqualTo(true);
		assertThat(evaluate("1 < 2 or 1 > 2")).isEqualTo(true);
	}

	@Test
	void literals() {
		assertThat((BigDecimal) evaluate("0.5")).isEqualByComparingTo("0.5");
		assertThat(evaluate("'l''accueil'")).isEqualTo("l'accueil");
		assertThat(evaluate("true")).isEqualTo(true);
		assertThat(evaluate("if(false, 1, null)")).isNull();
	}

	@Test
	void referencesListsTheCodesUsedInOrder() {
		Expression expression = Expressions.parse(
				"abs(sum(fin_caf, fin_communes) - produits_total) <= 0.01 * produits_total and count(partenaires) > 0");
		assertThat(expression.references()).containsExactly("fin_caf", "fin_communes", "produits_total", "partenaires");
		assertThat(expression.usesCurrentValue()).isFalse();
	}

	@Test
	void currentValueOnlyInConstraints() {
		assertThat(parseError(". <= 365").getMessage()).contains("« . »").contains("contrainte");
		Expression constraint = Expressions.parseConstraint(". <= 365 or annee_bissextile");
		assertThat(constraint.usesCurrentValue()).isTrue();
		assertThat(constraint.references()).containsExactly("annee_bissextile");
	}

	@Test
	void anExpressionIsParsedOnceThenShared() {
		assertThat(Expressions.parse("effectif > 2 and answered(nom)"))
			.isSameAs(Expressions.parse("effectif > 2 and answered(nom)"));
		assertThat(Expressions.parseConstraint(". <= effectif")).isSameAs(Expressions.parseConstraint(". <= effectif"));
	}

	@Test
	void aConstraintParsedBeforeIsStillNoExpression() {
		Expressions.parseConstraint(". > 1");
		assertThat(parseError(". > 1")).isNotNull();
		assertThat(parseError(". > 1")).as("refused again, never kept").isNotNull();
	}

	@Test
	void errorsNameTheColumn() {
		ExpressionException error = parseError("a + b * (c - d");
		assertThat(error.getMessage()).isEqualTo("parenthèse fermante manquante en colonne 15");
		assertThat(error.column()).isEqualTo(15);
		assertThat(parseError("total + ( 2").reason()).isEqualTo("parenthèse fermante manquante");
		assertThat(parseError("montant > 3 )").getMessage()).isEqualTo("symbole inattendu « ) » en colonne 13");
		assertThat(parseError("montant $ 3").getMessage()).isEqualTo("caractère inattendu « $ » en colonne 9");
	}

	@Test
	void unknownFunctionsAreRefused() {
		assertThat(parseError("getclass(a)").getMessage()).isEqualTo("fonction inconnue « getclass » en colonne 1");
		assertThat(parseError("a + exec('x')").reason()).isEqualTo("fonction inconnue « exec »");
	}

	@Test
	void functionsCheckTheirArguments() {
		assertThat(parseError("abs(1, 2)").reason()).isEqualTo("la fonction « abs » attend 1 argument, pas 2");
		assertThat(parseError("if(true, 1)").reason()).isEqualTo("la fonction « if » attend 3 arguments, pas 2");
		assertThat(parseError("sum()").reason()).isEqualTo("la fonction « sum » attend au moins 1 argument");
		assertThat(parseError("count(1)").reason()).contains("répétition");
		assertThat(parseError("selected(a, b)").reason()).contains("apostrophes");
		assertThat(parseError("answered(a + 1)").reason()).contains("code d’une question");
	}

	@Test
	void malformedSyntaxIsRefused() {
		assertThat(parseError("").reason()).isEqualTo("expression vide");
		assertThat(parseError("1 < 2 < 3").reason()).contains("comparaisons enchaînées");
		assertThat(parseError("a == 1").reason()).contains("utilisez « = »");
		assertThat(parseError("'non terminé").reason()).contains("apostrophe fermante manquante");
		assertThat(parseError("1,5 + 2")).isNotNull();
		assertThat(parseError("1.").reason()).contains("nombre mal écrit");
		assertThat(parseError(".5").reason()).contains("nombre mal écrit");
		assertThat(parseError("12abc").reason()).contains("nombre mal écrit");
		assertThat(parseError("a +").reason()).isEqualTo("fin d’expression inattendue");
		assertThat(parseError("Total > 1").reason()).startsWith("nom invalide « Total »");
		assertThat(parseError("a".repeat(41)).reason()).startsWith("nom trop long");
		assertThat(parseError("and").reason()).isEqualTo("symbole inattendu « and »");
	}

	@ParameterizedTest
	@ValueSource(strings = { "T(java.lang.Runtime).getRuntime().exec('rm -rf /')", "a.getClass()", "a.getclass()",
			"new java.io.File('x')", "#root", "#this.x", "${jndi:ldap://x}", "`id`", "a[0]", "values['a']", "a := 1",
			"a = b = c", "@bean", "a; b", "x -> x", "'x'.concat('y')", "(a).class", "java.lang.System.exit(0)",
			"getclass()", "eval('1')", "a = 1 || b", "!a", "a && b", "\"texte\"", "{1, 2}", "a ? 1 : 2", "a\u0000",
			"runtime.exec('x')" })
	void injectionAttemptsAreParseErrors(String malicious) {
		assertThatExceptionOfType(ExpressionException.class).isThrownBy(() -> Expressions.parse(malicious))
			.satisfies((error) -> assertThat(error.getMessage()).isNotBlank());
		assertThatExceptionOfType(ExpressionException.class).isThrownBy(() -> Expressions.parseConstraint(malicious));
	}

	@Test
	void methodCallOnAValueGetsAClearMessage() {
		assertThat(parseError("a.getclass()").getMessage())
			.startsWith("symbole inattendu « . » (ni appel de méthode ni accès à un champ");
		assertThat(parseError("T(java.lang.Runtime)").getMessage()).startsWith("nom invalide « T »");
	}

	@Test
	void expressionsOfAtMost2000CharactersAreAccepted() {
		String longest = "1" + " + 1".repeat((Expressions.MAX_LENGTH - 1) / 4);
		assertThat(longest.length()).isLessThanOrEqualTo(Expressions.MAX_LENGTH);
		assertThat((BigDecimal) evaluate(longest)).isEqualByComparingTo(BigDecimal.valueOf(500));
		assertThat(parseError(longest + "   + 1").reason())
			.isEqualTo("expression trop longue (2 000 caractères au plus)");
	}

	@Test
	void nestingDeeperThan50IsRefused() {
		String fifty = "(".repeat(50) + "1" + ")".repeat(50);
		assertThat((BigDecimal) evaluate(fifty)).isEqualByComparingTo("1");
		assertThat(parseError("(" + fifty + ")").reason()).isEqualTo("expression trop imbriquée (50 niveaux au plus)");
		assertThat(parseError("abs(".repeat(51) + "1" + ")".repeat(51)).reason()).contains("trop imbriquée");
		assertThat(parseError("not ".repeat(51) + "true").reason()).contains("trop imbriquée");
		assertThat(parseError("-".repeat(51) + "1").reason()).contains("trop imbriquée");
	}

}
