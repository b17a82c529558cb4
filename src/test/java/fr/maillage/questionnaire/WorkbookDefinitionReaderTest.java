package fr.maillage.questionnaire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An XLSForm-like workbook reads into the same definition as its YAML equivalent, and
 * every problem is reported at its sheet, row and column, in French.
 */
class WorkbookDefinitionReaderTest {

	static final String SETTINGS = """
			form_id|form_title|version|format
			essai_classeur|Questionnaire d’essai|1|1
			""";

	static final String CHOICES = """
			list_name|name|label
			oui_non_nsp|oui|Oui
			oui_non_nsp|non|Non
			types|caf|Caf
			oui_non_nsp|nsp|Ne sait pas
			""";

	/** Row numbers are line numbers: begin_group is row 2, jours_ouverture row 3… */
	static final String SURVEY = """
			type|name|label|hint|required|min|max|unit|kinds|relevant|constraint|constraint_message|constraint_2|constraint_message_2|calculation|warning_deviation|warning_percentile|core|block|max_items
			begin_group|identite|Identité|Quelques questions.
			integer|jours_ouverture|Jours d’ouverture|Comptez les jours.|yes|0|366|jours|||. <= 365 or bissextile|Au plus 365 jours.|. >= 1|Au moins un jour.||0.3|yes
			yes_no|bissextile|Année bissextile ?||no|||||||||||||no
			money|produits|Produits||oui|0|||||||||||no
			money|charges|Charges|||0||||||||||0,25
			money|resultat|Résultat||||||||||||produits - charges
			calculate|part|Part des charges|||||||answered(produits)|||||round(100 * charges / produits, 1)
			begin_repeat|partenaires|Partenaires|Un par ligne.||||||||||||||||10
			text|partenaire_nom|Nom||TRUE
			select_one types|partenaire_type|Type
			end_repeat|partenaires
			end_group|identite
			begin_group|numerique|Inclusion numérique||||||CS||||||||||inclusion_numerique
			select_multiple oui_non_nsp|conseiller|Un conseiller numérique ?
			long_text|commentaire|Commentaire
			date|date_bilan|Date du bilan||||||CS
			end_group
			""";

	static final String RULES = """
			name|rule|message|severity|relevant
			resultat_coherent|abs(produits - charges - resultat) <= 1|Le résultat est l’écart des produits et des charges.|warning|answered(resultat)
			charges_declarees|answered(charges)|Déclarez vos charges.||
			""";

	/** The same questionnaire in YAML. */
	static final String YAML = """
			format: 1
			code: essai_classeur
			version: "1"
			title: Questionnaire d’essai
			choices:
			  oui_non_nsp:
			    - {code: oui, label: Oui}
			    - {code: non, label: Non}
			    - {code: nsp, label: Ne sait pas}
			  types:
			    - {code: caf, label: Caf}
			sections:
			  - code: identite
			    title: Identité
			    help: Quelques questions.
			    questions:
			      - code: jours_ouverture
			        type: integer
			        label: Jours d’ouverture
			        help: Comptez les jours.
			        required: true
			        min: 0
			        max: 366
			        unit: jours
			        constraints:
			          - {rule: ". <= 365 or bissextile", message: Au plus 365 jours.}
			          - {rule: ". >= 1", message: Au moins un jour.}
			        warning: {deviation: 0.3, percentile: true}
			      - {code: bissextile, type: yes_no, label: "Année bissextile ?", core: false}
			      - {code: produits, type: money, label: Produits, required: true, min: 0, warning: {percentile: false}}
			      - {code: charges, type: money, label: Charges, min: 0, warning: {deviation: 0.25}}
			      - {code: resultat, type: money, label: Résultat, calculate: produits - charges}
			      - code: part
			        type: decimal
			        label: Part des charges
			        relevant: answered(produits)
			        calculate: round(100 * charges / produits, 1)
			      - code: partenaires
			        type: repeat
			        label: Partenaires
			        help: Un par ligne.
			        max_items: 10
			        questions:
			          - {code: partenaire_nom, type: short_text, label: Nom, required: true}
			          - {code: partenaire_type, type: single_choice, choices: types, label: Type}
			  - code: numerique
			    title: Inclusion numérique
			    kinds: [CS]
			    block: inclusion_numerique
			    questions:
			      - {code: conseiller, type: multiple_choice, choices: oui_non_nsp, label: "Un conseiller numérique ?"}
			      - {code: commentaire, type: long_text, label: Commentaire}
			      - {code: date_bilan, type: date, label: Date du bilan, kinds: [CS]}
			rules:
			  - code: resultat_coherent
			    rule: abs(produits - charges - resultat) <= 1
			    message: Le résultat est l’écart des produits et des charges.
			    severity: warning
			    relevant: answered(resultat)
			  - {code: charges_declarees, rule: answered(charges), message: Déclarez vos charges.}
			""";

	static byte[] crafted() {
		return TestWorkbooks.workbook("survey", SURVEY, "choices", CHOICES, "settings", SETTINGS, "rules", RULES);
	}

	/** Reads a workbook; its problems as the report shows them. */
	private static List<String> problems(byte[] workbook) {
		WorkbookDefinitionReader reader = new WorkbookDefinitionReader();
		Definition definition = reader.read(workbook);
		List<String> problems = new ArrayList<>(reader.errors().stream().map(reader::describe).toList());
		if (definition != null) {
			problems
				.addAll(new DefinitionChecks().check(definition, List.of()).stream().map(reader::describe).toList());
			problems.addAll(new ExpressionChecks().check(definition).stream().map(reader::describe).toList());
		}
		return problems;
	}

	@Test
	void readsTheSameDefinitionAsItsYamlEquivalent() {
		WorkbookDefinitionReader reader = new WorkbookDefinitionReader();
		Definition definition = reader.read(crafted());
		assertThat(reader.errors()).isEmpty();
		Definition yaml = new DefinitionReader().read(YAML);
		assertThat(definition.withoutLines()).isEqualTo(yaml.withoutLines());
		assertThat(definition.choices().keySet()).as("lists keep their order").containsExactly("oui_non_nsp", "types");
		assertThat(definition.question("jours_ouverture").orElseThrow().line()).isEqualTo(3);
		assertThat(definition.rules().get(1).line()).isEqualTo(3);
		assertThat(definition.question("conseiller").orElseThrow().block()).isEqualTo("inclusion_numerique");
		assertThat(definition.question("conseiller").orElseThrow().core()).isFalse();
		assertThat(definition.sections().get(1).kinds()).containsExactly("CS");
		assertThat(problems(crafted())).isEmpty();
	}

	@Test
	void reportsEachProblemOfShapeAtItsSheetRowAndColumn() {
		String survey = SURVEY.replace("integer|jours_ouverture", "integr|jours_ouverture")
			.replace("Année bissextile ?||no", "Année bissextile ?||peut-être")
			.replace("select_one types|", "select_one|")
			.replace("date_bilan|Date du bilan||||||CS", "date_bilan|Date du bilan||||||CS EPN")
			.replace("text|partenaire_nom|Nom||TRUE", "text||Nom||TRUE")
			.replace("money|charges|Charges|||0||||||||||0,25", "money|charges|Charges|||zéro||||||Trop.||||0,25")
			.replace("|block|max_items", "|block|max_items|colour");
		assertThat(problems(TestWorkbooks.workbook("survey", survey, "choices", CHOICES, "settings", SETTINGS)))
			.contains("survey, ligne 1, colonne U : colonne « colour » inconnue (attendues : type, name, label, hint, "
					+ "required, relevant, constraint, constraint_message, calculation, min, max, unit, kinds, core, "
					+ "block, warning_deviation, warning_percentile, max_items).")
			.anySatisfy(problem -> assertThat(problem)
				.startsWith("survey, ligne 3, colonne A : type « integr » inconnu (attendus : integer, decimal"))
			.contains("survey, ligne 4, colonne E : « required » vaut yes ou no, pas « peut-être ».",
					"survey, ligne 6, colonne F : « min » doit être un nombre, pas « zéro ».",
					"survey, ligne 6, colonne K : il manque « constraint » : une contrainte a une règle et un message.",
					"survey, ligne 10, colonne B : il manque « name ».",
					"survey, ligne 11, colonne A : « select_one » doit être suivi du nom de sa liste de choix, "
							+ "par exemple « select_one financeurs ».",
					"survey, ligne 17, colonne I : « kinds » contient CS ou EVS, pas « EPN ».");
	}

	@Test
	void reportsSectionsAndRepeatsThatDoNotCloseOrNest() {
		String survey = """
				type|name|label|required
				integer|hors_section|Hors section
				begin_group|identite|Identité|yes
				begin_repeat|partenaires|Partenaires
				text|nom|Nom
				begin_repeat|contacts|Contacts
				end_group|autre
				end_repeat
				begin_group|finances|Finances
				""";
		assertThat(problems(TestWorkbooks.workbook("survey", survey, "settings", SETTINGS))).contains(
				"survey, ligne 2, colonne A : cette question doit se trouver dans une section (entre begin_group et end_group).",
				"survey, ligne 3, colonne D : la colonne « required » ne s’applique pas à une section (begin_group).",
				"survey, ligne 6, colonne A : un groupe répété ne peut pas en contenir un autre.",
				"survey, ligne 7, colonne A : il manque le end_repeat du groupe répété « partenaires ».",
				"survey, ligne 7, colonne B : cette ligne ferme « identite », pas « autre ».",
				"survey, ligne 8, colonne A : end_repeat sans begin_repeat.",
				"survey, ligne 9, colonne A : il manque le end_group de cette section.");
	}

	@Test
	void reportsMissingAndUnknownSheetsAndColumns() {
		assertThat(problems(TestWorkbooks.workbook("Survey", SURVEY, "notes", "a|b\n1|2", "choices", CHOICES)))
			.containsExactly("feuille « notes » inconnue (attendues : survey, choices, settings, rules).",
					"il manque la feuille « settings ».");
		assertThat(problems(TestWorkbooks.workbook("survey", "type|name\nbegin_group|identite|Identité", "settings",
				SETTINGS.replace("|format", "|formats").replace("Questionnaire d’essai|1|1", "|1|1"))))
			.contains("survey, ligne 1 : il manque la colonne « label ».",
					"settings, ligne 1, colonne D : colonne « formats » inconnue (attendues : form_id, form_title, "
							+ "version, format).",
					"settings, ligne 2 : il manque « format ».",
					"settings, ligne 2, colonne B : il manque « form_title ».")
			.noneMatch(problem -> problem.contains("ligne 2, colonne C"));
		assertThat(problems(TestWorkbooks.workbook("survey",
				SURVEY.replace("begin_group|identite|Identité|Quelques",
						"begin_group|identite|Identité|||||||||||||||||||en trop|Quelques"),
				"choices", CHOICES, "settings", SETTINGS)))
			.contains("survey, ligne 2 : la cellule V2 a une valeur, mais sa colonne n’a pas de titre en ligne 1.");
	}

	@Test
	void reportsWhatTheChecksFindAtTheCellToBlame() {
		String survey = SURVEY.replace("select_one types|", "select_one financeurs|")
			.replace("|produits - charges", "|produits - charge")
			.replace("money|produits|Produits||oui|0", "money|produits|Produits||oui|10|5")
			.replace("integer|jours_ouverture", "integer|Jours");
		String rules = RULES.replace("answered(charges)|", "answered(depenses)|");
		assertThat(problems(TestWorkbooks.workbook("survey", survey, "choices", CHOICES, "settings",
				SETTINGS.replace("essai_classeur", "Essai"), "rules", rules)))
			.contains(
					"settings, ligne 2, colonne A : code du questionnaire « Essai » invalide : lettres minuscules "
							+ "sans accents, chiffres et _, commençant par une lettre, 40 caractères au plus.",
					"survey, ligne 5, colonne F : le minimum dépasse le maximum.",
					"survey, ligne 11, colonne A : liste de choix « financeurs » inconnue.")
			.anySatisfy(problem -> assertThat(problem)
				.startsWith("survey, ligne 3, colonne B : code de question « Jours »"))
			.anySatisfy(problem -> assertThat(problem)
				.startsWith("survey, ligne 7, colonne O : le calcul de « resultat » :")
				.contains("charge"))
			.anySatisfy(problem -> assertThat(problem)
				.startsWith("rules, ligne 3, colonne B : la règle « charges_declarees » :")
				.contains("depenses"));
	}

	@Test
	void refusesExpressionsThatTryToReachJavaAsTheYamlReaderDoes() {
		for (String attack : new String[] { "T(java.lang.Runtime).getRuntime().exec('id')", "Runtime.exec('rm -rf /')",
				"jours_ouverture.getClass().forName('java.lang.System')", "#{systemProperties['user.home']}" }) {
			String survey = SURVEY.replace("|produits - charges", "|" + attack);
			assertThat(problems(TestWorkbooks.workbook("survey", survey, "choices", CHOICES, "settings", SETTINGS)))
				.as(attack)
				.anySatisfy(problem -> assertThat(problem)
					.startsWith("survey, ligne 7, colonne O : le calcul de « resultat » :"));
		}
	}

	@Test
	void refusesFilesThatAreNotWorkbooksWithoutFailing() throws IOException {
		assertThat(problems("PK\u0003\u0004 pas un zip".getBytes(StandardCharsets.UTF_8))).containsExactly(
				"le fichier n’est pas un classeur XLSX lisible : enregistrez-le au format « Classeur Excel (.xlsx) » "
						+ "et déposez-le de nouveau.");
		assertThat(problems(zip("word/document.xml", new byte[10], "[Content_Types].xml", new byte[10])))
			.containsExactly("le fichier est une archive zip, mais pas un classeur XLSX.");
		assertThat(problems(zip("[Content_Types].xml", new byte[10], "xl/workbook.xml", "<pas du xml".getBytes())))
			.singleElement()
			.asString()
			.startsWith("le fichier n’est pas un classeur XLSX lisible");
		byte[] truncated = java.util.Arrays.copyOf(crafted(), crafted().length / 2);
		assertThat(problems(truncated)).singleElement().asString().startsWith("le fichier n’est pas un classeur XLSX");
	}

	@Test
	void stopsAZipBombAndHugeSheetsBeforeReadingThem() throws IOException {
		byte[] zeros = new byte[(int) WorkbookZip.MAX_UNZIPPED_BYTES + 1];
		byte[] bomb = zip("[Content_Types].xml", new byte[10], "xl/worksheets/sheet1.xml", zeros);
		assertThat(bomb.length).isLessThan(100_000);
		assertThat(problems(bomb)).containsExactly(
				"le classeur dépasse 10 Mo une fois décompressé : ce n’est pas un classeur de questionnaire.");
		StringBuilder rows = new StringBuilder("type|name|label\nbegin_group|s|S\n");
		rows.append("integer|q|Q\n".repeat(WorkbookDefinitionReader.MAX_ROWS));
		assertThat(problems(TestWorkbooks.workbook("survey", rows.toString(), "settings", SETTINGS)))
			.containsExactly("la feuille « survey » dépasse 2000 lignes.");
	}

	private static byte[] zip(Object... namesAndContents) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (int i = 0; i < namesAndContents.length; i += 2) {
				zip.putNextEntry(new ZipEntry((String) namesAndContents[i]));
				zip.write((byte[]) namesAndContents[i + 1]);
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

}
