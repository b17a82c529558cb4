package fr.maillage.questionnaire;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A definition's expressions are checked when it is loaded: unknown codes, wrong types,
 * cycles, and anything that tries to reach Java or the system are reported at their line.
 */
class ExpressionChecksTest {

	private static Definition read(String source) {
		DefinitionReader reader = new DefinitionReader();
		Definition definition = reader.read(source);
		assertThat(reader.errors()).isEmpty();
		return definition;
	}

	private static String withExtra(String extraQuestions) {
		return DefinitionReaderTest.SMALL.replace("      - code: partenaires\n",
				extraQuestions + "      - code: partenaires\n");
	}

	@Test
	void reportsUnknownCodesAndWrongTypesAtTheirLine() {
		Definition definition = read(withExtra("""
				      - code: jours_moyens
				        type: decimal
				        label: Jours moyens
				        calculate: "jours_ouvertures / 12"
				      - code: ouvert_le_samedi
				        type: yes_no
				        label: Ouvert le samedi ?
				        relevant: "jours_ouverture + 1"
				"""));
		assertThat(new ExpressionChecks().check(definition)).extracting(DefinitionError::toString)
			.anySatisfy(error -> assertThat(error).startsWith("ligne 19 : le calcul de « jours_moyens » :")
				.contains("jours_ouvertures"))
			.anySatisfy(error -> assertThat(error)
				.startsWith("ligne 23 : la condition d’affichage de « ouvert_le_samedi »"));
	}

	@Test
	void reportsACycleOfTotals() {
		Definition definition = read(withExtra("""
				      - code: total_a
				        type: integer
				        label: A
				        calculate: "total_b + 1"
				      - code: total_b
				        type: integer
				        label: B
				        calculate: "total_a + 1"
				"""));
		assertThat(new ExpressionChecks().check(definition)).extracting(DefinitionError::message)
			.anySatisfy(error -> assertThat(error).startsWith("les calculs et conditions d’affichage forment un cycle")
				.contains("total_a", "total_b"));
	}

	@Test
	void rejectsExpressionsThatTryToReachJavaOrTheSystem() {
		for (String attack : new String[] { "T(java.lang.Runtime).getRuntime().exec('rm -rf /')",
				"jours_ouverture.getClass().forName('java.lang.System')", "new java.io.File('/etc/passwd')",
				"#{systemProperties['user.home']}", "${jours_ouverture}", "__import__('os').system('id')" }) {
			Definition definition = read(withExtra("""
					      - code: piege
					        type: integer
					        label: Piège
					        calculate: "%s"
					""".formatted(attack.replace("\"", "\\\""))));
			assertThat(new ExpressionChecks().check(definition)).as(attack)
				.singleElement()
				.satisfies(error -> assertThat(error.message()).startsWith("le calcul de « piege » :"));
		}
	}

}
