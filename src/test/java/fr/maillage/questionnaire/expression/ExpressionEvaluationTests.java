package fr.maillage.questionnaire.expression;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExpressionEvaluationTests {

	private final Map<String, Object> answers = new HashMap<>();

	private Object evaluate(String source) {
		return Expressions.parse(source).evaluate(Values.of(this.answers));
	}

	private BigDecimal number(String source) {
		return (BigDecimal) evaluate(source);
	}

	@Test
	void numbersAreDecimalsComparedByValue() {
		this.answers.put("a", new BigDecimal("1.0"));
		this.answers.put("b", 1);
		assertThat(evaluate("a = 1")).isEqualTo(true);
		assertThat(evaluate("a = b and a != 2")).isEqualTo(true);
		assertThat(number("0.1 + 0.2")).isEqualByComparingTo("0.3");
		assertThat(number("1 / 3")).isEqualTo(new BigDecimal("0.3333333333333333"));
		assertThat(number("b * 2.5")).isEqualByComparingTo("2.5");
	}

	@Test
	void divisionByZeroIsNull() {
		assertThat(evaluate("1 / 0")).isNull();
		assertThat(evaluate("1 / (2 - 2) > 0")).isEqualTo(false);
	}

	@Test
	void arithmeticWithUnansweredIsNullAndComparisonsWithItFalse() {
		this.answers.put("a", BigDecimal.TEN);
		assertThat(evaluate("a + vide")).isNull();
		assertThat(evaluate("-vide")).isNull();
		assertThat(evaluate("abs(vide)")).isNull();
		assertThat(evaluate("min(a, vide)")).isNull();
		assertThat(evaluate("vide = 1")).isEqualTo(false);
		assertThat(evaluate("vide != 1")).isEqualTo(false);
		assertThat(evaluate("vide < 1 or vide >= 1")).isEqualTo(false);
		assertThat(evaluate("vide = null")).isEqualTo(false);
		assertThat(evaluate("a + vide > 0")).isEqualTo(false);
	}

	@Test
	void logicIsThreeValued() {
		assertThat(evaluate("vide and false")).isEqualTo(false);
		assertThat(evaluate("vide and true")).isNull();
		assertThat(evaluate("vide or true")).isEqualTo(true);
		assertThat(evaluate("vide or false")).isNull();
		assertThat(evaluate("not vide")).isNull();
		assertThat(Expressions.parse("vide or false").isTrue(Values.of(this.answers))).isFalse();
		assertThat(evaluate("if(vide, 1, 2)")).isNull();
	}

	@Test
	void sumCountsUnansweredAsZero() {
		this.answers.put("fin_caf", new BigDecimal("1200.50"));
		assertThat(number("sum(fin_caf, fin_communes)")).isEqualByComparingTo("1200.50");
		assertThat(number("sum(vide)")).isEqualByComparingTo("0");
		assertThat(number("sum(fin_caf, 1 + vide)")).isEqualByComparingTo("1200.50");
	}

	@Test
	void numericFunctions() {
		assertThat(number("abs(-3.5)")).isEqualByComparingTo("3.5");
		assertThat(number("min(3, -1, 2)")).isEqualByComparingTo("-1");
		assertThat(number("max(3, -1, 2)")).isEqualByComparingTo("3");
		assertThat(number("round(2.345, 2)")).isEqualTo(new BigDecimal("2.35"));
		assertThat(number("round(-2.5, 0)")).isEqualTo(new BigDecimal("-3"));
		assertThat(number("round(1234, -2)")).isEqualByComparingTo("1200");
		assertThat(evaluate("round(1.5, 0.5)")).isNull();
		assertThat(evaluate("round(1.5, 100)")).isNull();
	}

	@Test
	void ifChoosesABranch() {
		this.answers.put("ouvert", true);
		assertThat(evaluate("if(ouvert, 'oui', 'non')")).isEqualTo("oui");
		assertThat(evaluate("if(not ouvert, 'oui', 'non')")).isEqualTo("non");
		assertThat(evaluate("if(ouvert, 1 / 0, 2)")).isNull();
	}

	@Test
	void textsCompareExactly() {
		this.answers.put("nom", "Maison");
		assertThat(evaluate("nom = 'Maison'")).isEqualTo(true);
		assertThat(evaluate("nom = 'maison'")).isEqualTo(false);
		assertThat(evaluate("nom = 'Maison '")).isEqualTo(false);
	}

	@Test
	void datesCompare() {
		this.answers.put("creation", LocalDate.of(2020, 1, 15));
		this.answers.put("agrement", LocalDate.of(2021, 6, 1));
		assertThat(evaluate("creation < agrement")).isEqualTo(true);
		assertThat(evaluate("creation >= agrement")).isEqualTo(false);
		assertThat(evaluate("creation = creation")).isEqualTo(true);
	}

	@Test
	void selectedWorksForSingleAndMultipleChoices() {
		this.answers.put("statut", "asso");
		this.answers.put("financeurs", Set.of("caf", "communes"));
		assertThat(evaluate("selected(statut, 'asso')")).isEqualTo(true);
		assertThat(evaluate("selected(statut, 'commune')")).isEqualTo(false);
		assertThat(evaluate("selected(financeurs, 'caf') and not selected(financeurs, 'etat')")).isEqualTo(true);
		assertThat(evaluate("selected(vide, 'caf')")).isEqualTo(false);
	}

	@Test
	void answeredMeansAMeaningfulValue() {
		this.answers.put("zero", BigDecimal.ZERO);
		this.answers.put("non", false);
		this.answers.put("blanc", "  ");
		this.answers.put("aucun", Set.of());
		this.answers.put("texte", "x");
		assertThat(evaluate("answered(zero) and answered(non) and answered(texte)")).isEqualTo(true);
		assertThat(evaluate("answered(blanc) or answered(aucun) or answered(vide)")).isEqualTo(false);
	}

	@Test
	void currentValueInConstraints() {
		this.answers.put("annee_bissextile", false);
		Expression constraint = Expressions.parseConstraint(". <= 365 or annee_bissextile");
		assertThat(constraint.evaluate(Values.of(this.answers).withCurrentValue(366))).isEqualTo(false);
		assertThat(constraint.evaluate(Values.of(this.answers).withCurrentValue(new BigDecimal("365.0"))))
			.isEqualTo(true);
		assertThat(Expressions.parseConstraint("selected(., 'autre')")
			.evaluate(Values.of(this.answers).withCurrentValue(Set.of("autre")))).isEqualTo(true);
	}

	@Test
	void countAndSumOverTheItemsOfARepeat() {
		this.answers.put("partenaires",
				List.of(Map.of("partenaire_montant", new BigDecimal("100"), "partenaire_nom", "Caf"),
						Map.of("partenaire_nom", "Mairie"), Map.of("partenaire_montant", 50)));
		this.answers.put("total", new BigDecimal("150"));
		Values values = Values.of(this.answers, (code) -> code.startsWith("partenaire_") ? "partenaires" : null);
		assertThat(Expressions.parse("count(partenaires)").evaluate(values)).isEqualTo(BigDecimal.valueOf(3));
		assertThat((BigDecimal) Expressions.parse("sum(partenaire_montant)").evaluate(values))
			.isEqualByComparingTo("150");
		assertThat(Expressions.parse("sum(partenaire_montant) = total").evaluate(values)).isEqualTo(true);
		assertThat(Expressions.parse("count(absents)").evaluate(values)).isEqualTo(BigDecimal.ZERO);
		assertThat(Expressions.parse("answered(partenaires)").evaluate(values)).isEqualTo(true);
	}

	@Test
	void aRepeatMayBeGivenAsItsCountOnly() {
		this.answers.put("partenaires", 4);
		Values values = Values.of(this.answers, (code) -> code.startsWith("partenaire_") ? "partenaires" : null);
		assertThat(Expressions.parse("count(partenaires)").evaluate(values)).isEqualTo(BigDecimal.valueOf(4));
		assertThat(Expressions.parse("sum(partenaire_montant)").evaluate(values)).isNull();
	}

	@Test
	void insideAnItemSiblingsReadTheItem() {
		this.answers.put("plafond", new BigDecimal("80"));
		Map<String, Object> item = Map.of("partenaire_montant", new BigDecimal("100"));
		this.answers.put("partenaires", List.of(item, Map.of("partenaire_montant", 10)));
		Values values = Values.of(this.answers, (code) -> code.startsWith("partenaire_") ? "partenaires" : null)
			.inItem("partenaires", item);
		assertThat(Expressions.parse("partenaire_montant > plafond").evaluate(values)).isEqualTo(true);
		assertThat((BigDecimal) Expressions.parse("sum(partenaire_montant)").evaluate(values))
			.isEqualByComparingTo("100");
		assertThat(Expressions.parse("count(partenaires)").evaluate(values)).isEqualTo(BigDecimal.valueOf(2));
	}

	@Test
	void answersOfUnexpectedTypesGiveNullNotExceptions() {
		this.answers.put("texte", "12");
		this.answers.put("nan", Double.NaN);
		this.answers.put("objet", new Object());
		this.answers.put("items", List.of("pas une map"));
		Values values = Values.of(this.answers, (code) -> "enfant".equals(code) ? "items" : null);
		assertThat(Expressions.parse("texte + 1").evaluate(values)).isNull();
		assertThat(Expressions.parse("nan * 2").evaluate(values)).isNull();
		assertThat(Expressions.parse("objet < 2").evaluate(values)).isEqualTo(false);
		assertThat(Expressions.parse("sum(texte)").evaluate(values)).isNull();
		assertThat(Expressions.parse("sum(enfant)").evaluate(values)).isNull();
		assertThat(Expressions.parse("count(texte)").evaluate(values)).isNull();
		assertThat(Expressions.parse("not objet").evaluate(values)).isNull();
	}

}
