package fr.maillage.structure;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.support.MaillageIntegrationTest;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Importing and exporting the registry through its pages, on the real database. Each test
 * makes structures of its own, with distinctive names, and counts only those.
 */
@MaillageIntegrationTest
@AutoConfigureMockMvc
class RegistryImportExportTest {

	static final String ADVISOR_66 = "conseillere.caf66@maillage.example";

	static final String ADMIN = "admin@maillage.example";

	private static final Pattern IMPORT_ID = Pattern.compile("name=\"import\" value=\"([0-9]+)\"");

	private static final Pattern FINGERPRINT = Pattern.compile("name=\"apercu\" value=\"([0-9a-f]+)\"");

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	@Test
	void previewNamesEveryBadLineAndColumnAndWritesNothing() throws Exception {
		String siret = Siret.withCheckDigit("8800000000001");
		String badSiret = siret.substring(0, 13) + ((siret.charAt(13) - '0' + 1) % 10);
		String file = """
				nom;type;code_commune;siret;code_postal
				Centre social Préau Alpha;CS;66136;%s;66000
				Centre social Préau Bêta;CS;99999;;
				Centre social Préau Gamma;EVS;66028;%s;
				centre social préau ALPHA;CS;66136;;
				;CS;66172;;
				Centre social Préau Delta;CS;69266;;
				""".formatted(siret, badSiret);
		String html = preview(ADVISOR_66, "registre.csv", file.getBytes(WINDOWS_1252));

		assertThat(html).contains("Le fichier contient 5 problèmes")
			.contains("Ligne 3, colonne « code_commune » : Aucune commune ne porte le code INSEE « 99999 »")
			.contains("Ligne 4, colonne « siret » : Le SIRET « " + badSiret + " » n’est pas valide")
			.contains("Ligne 5 : Doublon : la ligne 2 crée déjà une structure de ce nom dans cette commune.")
			.contains("Ligne 6, colonne « nom » : Ce champ est obligatoire.")
			.contains(
					"Ligne 7, colonne « code_commune » : La commune 69266 (Villeurbanne) est hors de votre territoire.")
			.doesNotContain("Ligne 2")
			.doesNotContain("Confirmer l’import");
		assertThat(countNamed("Préau")).isZero();
	}

	@Test
	void aCommaSeparatedUtf8FileWithQuotedCellsCreatesThenUpdatesAndAReimportChangesNothing() throws Exception {
		String history = "Né d’un collectif, en 1998 ;\nil a \"grandi\" depuis.";
		String file = "\uFEFFnom,type,code_commune,historique,axes_projet,qpv,mode_gestion,date_premier_agrement\r\n"
				+ "Centre social Virgule Un,CS,66136,\"" + history.replace("\"", "\"\"")
				+ "\",Parentalité | Jeunesse,oui,Association,15/03/2012\r\n"
				+ "Espace de vie sociale Virgule Deux,evs,66028,,,non,commune ou CCAS,\r\n";
		long audits = countAudit();
		Preview preview = previewForConfirm(ADVISOR_66, "virgules.csv", file.getBytes(StandardCharsets.UTF_8));
		assertThat(preview.html()).contains("2 structures à créer", "Aucune structure à modifier");
		assertThat(countNamed("Virgule")).isZero();

		MvcResult confirmed = confirm(ADVISOR_66, preview);
		assertThat(confirmed.getFlashMap().get("outcome")).isEqualTo(new RegistryImport.Outcome(2, 0, 0));
		assertThat(countNamed("Virgule")).isEqualTo(2);
		assertThat(this.jdbc.sql("select history from structure where name = 'Centre social Virgule Un'")
			.query(String.class)
			.single()).isEqualTo(history);
		// Two creations and the import itself.
		assertThat(countAudit()).isEqualTo(audits + 3);

		// One change: only that field is shown, and written.
		String changed = file.replace(",non,commune", ",oui,commune");
		preview = previewForConfirm(ADVISOR_66, "virgules.csv", changed.getBytes(StandardCharsets.UTF_8));
		assertThat(preview.html()).contains("Aucune structure à créer", "1 structure à modifier",
				"1 ligne sans changement", "Dans ou à proximité d’un quartier prioritaire (QPV) : non → oui");
		assertThat(confirm(ADVISOR_66, preview).getFlashMap().get("outcome"))
			.isEqualTo(new RegistryImport.Outcome(0, 1, 1));

		// The same file again: nothing to write, and nothing in the audit trail.
		long before = countAudit();
		preview = previewForConfirm(ADVISOR_66, "virgules.csv", changed.getBytes(StandardCharsets.UTF_8));
		assertThat(preview.html()).contains("Aucune structure à créer", "Aucune structure à modifier",
				"2 lignes sans changement");
		assertThat(confirm(ADVISOR_66, preview).getFlashMap().get("outcome"))
			.isEqualTo(new RegistryImport.Outcome(0, 0, 2));
		assertThat(countAudit()).isEqualTo(before);
	}

	@Test
	void readsAWorkbookWithNumberDateAndBooleanCells() throws Exception {
		byte[] workbook;
		try (Workbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("feuille");
			Row header = sheet.createRow(0);
			List<String> columns = List.of("Nom", "Type", "Code commune", "date_premier_agrement",
					"population_territoire", "qpv", "latitude", "longitude");
			for (int i = 0; i < columns.size(); i++) {
				header.createCell(i).setCellValue(columns.get(i));
			}
			Row row = sheet.createRow(1);
			row.createCell(0).setCellValue("Centre social Classeur Ambérieu");
			row.createCell(1).setCellValue("CS");
			// An INSEE code typed as a number loses its leading zero.
			row.createCell(2).setCellValue(1004);
			CellStyle date = book.createCellStyle();
			date.setDataFormat(book.createDataFormat().getFormat("d/m/yy"));
			row.createCell(3).setCellValue(LocalDate.of(2019, 9, 2));
			row.getCell(3).setCellStyle(date);
			row.createCell(4).setCellValue(15934);
			row.createCell(5).setCellValue(true);
			row.createCell(6).setCellValue(45.958123);
			row.createCell(7).setCellValue(5.357456);
			book.write(out);
			workbook = out.toByteArray();
		}
		Preview preview = previewForConfirm(ADMIN, "classeur.xlsx", workbook);
		assertThat(preview.html()).contains("1 structure à créer");
		confirm(ADMIN, preview);
		assertThat(this.jdbc.sql("""
				select commune_code || ' ' || first_approval_on || ' ' || area_population || ' ' || near_qpv || ' '
				       || latitude || ' ' || longitude
				from structure where name = 'Centre social Classeur Ambérieu'""").query(String.class).single())
			.isEqualTo("01004 2019-09-02 15934 true 45.958123 5.357456");
	}

	@Test
	void refusesUnknownIdsAndColumnsAmbiguousMatchesAndTwoLinesForOneStructure() throws Exception {
		long outside = firstStructureOf("69");
		for (int i = 0; i < 2; i++) {
			this.jdbc
				.sql("insert into structure (name, kind, commune_code) values ('Centre social Jumeau', 'CS', '66136')")
				.update();
		}
		long mine = firstStructureOf("66");
		String file = """
				id;nom;code_commune;couleur
				1;x;66136;bleu
				""";
		assertThat(preview(ADVISOR_66, "colonnes.csv", file.getBytes(StandardCharsets.UTF_8))).contains(
				"Ligne 1, colonne « couleur » : Colonne inconnue « couleur ». Colonnes possibles : id, nom, type");

		file = """
				id;nom;code_commune
				%d;Centre social Hors Champ;69266
				999999999;Centre social Introuvable;66136
				abc;Centre social Lettres;66136
				;Centre social Jumeau;66136
				%d;;
				%d;Centre social Même;66136
				""".formatted(outside, mine, mine);
		assertThat(preview(ADVISOR_66, "ids.csv", file.getBytes(StandardCharsets.UTF_8)))
			.contains(
					"Ligne 2, colonne « id » : Aucune structure de votre territoire ne porte l’identifiant " + outside)
			.contains("Ligne 3, colonne « id » : Aucune structure de votre territoire ne porte l’identifiant 999999999")
			.contains("Ligne 4, colonne « id » : « abc » n’est pas un identifiant Maillage")
			.contains("Ligne 5 : Plusieurs structures correspondent à cette ligne")
			.contains("Ligne 6, colonne « nom » : Ce champ est obligatoire.")
			.contains("Ligne 7 : Doublon : cette ligne désigne la même structure que la ligne 6.");
	}

	@Test
	void aLineThatCreatesNeedsTheNameKindAndCommuneColumns() throws Exception {
		String file = "nom;siret\nCentre social Sans Commune;\n";
		assertThat(preview(ADVISOR_66, "partiel.csv", file.getBytes(StandardCharsets.UTF_8)))
			.contains("Ligne 2, colonne « type » : Colonne absente du fichier")
			.contains("Ligne 2, colonne « code_commune » : Colonne absente du fichier");
	}

	@Test
	void refusesFilesThatAreEmptyHeaderOnlyTooLargeOrNotSpreadsheets() throws Exception {
		assertThat(preview(ADVISOR_66, "vide.csv", new byte[0])).contains("Le fichier est vide");
		assertThat(preview(ADVISOR_66, "entete.csv", "nom;type;code_commune\r\n\r\n".getBytes(StandardCharsets.UTF_8)))
			.contains("ne contient que la ligne des noms de colonnes");
		byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(WINDOWS_1252);
		pdf[10] = 0;
		assertThat(preview(ADVISOR_66, "document.csv", pdf)).contains("ni un CSV ni un classeur XLSX");
		byte[] zip = { 'P', 'K', 3, 4, 0, 0, 0, 0 };
		assertThat(preview(ADVISOR_66, "archive.xlsx", zip)).contains("ni un CSV ni un classeur XLSX");
		byte[] large = new byte[(int) ImportFiles.MAX_BYTES + 1];
		java.util.Arrays.fill(large, (byte) 'a');
		assertThat(preview(ADVISOR_66, "enorme.csv", large)).contains("Le fichier dépasse 10 Mo");
	}

	@Test
	void onlyTheUploaderConfirmsAndOnlyOnce() throws Exception {
		String file = "nom;type;code_commune\nCentre social Une Seule Fois;CS;66136\n";
		Preview preview = previewForConfirm(ADVISOR_66, "une-fois.csv", file.getBytes(StandardCharsets.UTF_8));
		assertThat(confirm(ADMIN, preview).getResponse().getContentAsString()).contains("n’est plus disponible");
		assertThat(countNamed("Une Seule Fois")).isZero();
		assertThat(confirm(ADVISOR_66, preview).getFlashMap().get("outcome"))
			.isEqualTo(new RegistryImport.Outcome(1, 0, 0));
		assertThat(confirm(ADVISOR_66, preview).getResponse().getContentAsString()).contains("n’est plus disponible");
		assertThat(countNamed("Une Seule Fois")).isEqualTo(1);
	}

	@Test
	void confirmingChecksTheFileAgainstTheRegistryAsItIsThen() throws Exception {
		String file = "nom;type;code_commune\nCentre social Entre Deux;CS;66136\n";
		Preview preview = previewForConfirm(ADVISOR_66, "entre-deux.csv", file.getBytes(StandardCharsets.UTF_8));
		// Someone creates the same structure meanwhile: the line now changes nothing.
		this.jdbc
			.sql("insert into structure (name, kind, commune_code) values ('Centre social Entre Deux', 'CS', '66136')")
			.update();
		String html = confirm(ADVISOR_66, preview).getResponse().getContentAsString();
		assertThat(html).contains("Le registre a changé depuis l’aperçu", "Aucune structure à créer");
		assertThat(countNamed("Entre Deux")).isEqualTo(1);
	}

	@Test
	void anExportImportedAgainChangesNothing() throws Exception {
		// A structure with every field filled, in the advisor's département.
		String siret = Siret.withCheckDigit("7700000000001");
		String file = "\uFEFF" + String.join(";", StructureCells.headers()) + "\r\n"
				+ ";Centre social Aller-Retour;CS;\"3 place de l’Église; bâtiment B\";66000;66136;42.6987;2.8956;"
				+ "Contact@Aller-Retour.example;+33 4 68 00 00 00;aller-retour.example;" + siret + ";01/02/2003;"
				+ "12 000;\"Première ligne\nseconde ligne\";=formule | Jeunesse | Parentalité;Cogestion;rural;oui;oui;"
				+ "non;oui;non;fermée;66028|66172\r\n";
		confirm(ADVISOR_66, previewForConfirm(ADVISOR_66, "complet.csv", file.getBytes(StandardCharsets.UTF_8)));
		assertThat(countNamed("Aller-Retour")).isEqualTo(1);

		MvcResult csv = this.mvc.perform(get("/registre/export.csv").with(as(ADVISOR_66)))
			.andExpect(status().isOk())
			.andReturn();
		byte[] csvBytes = csv.getResponse().getContentAsByteArray();
		String text = new String(csvBytes, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFid;nom;type;adresse;code_postal;code_commune;");
		assertThat(text).contains("\r\n").contains("Centre social Aller-Retour");
		assertThat(text).doesNotContain("Villeurbanne");
		assertThat(csv.getResponse().getHeader("Content-Disposition")).contains("registre-2026-11-27.csv");
		Preview again = previewForConfirm(ADVISOR_66, "export.csv", csvBytes);
		assertThat(again.html()).contains("Aucune structure à créer", "Aucune structure à modifier");

		MvcResult xlsx = this.mvc.perform(get("/registre/export.xlsx").with(as(ADVISOR_66)))
			.andExpect(status().isOk())
			.andReturn();
		byte[] xlsxBytes = xlsx.getResponse().getContentAsByteArray();
		try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsxBytes))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("id");
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(book.getFontAt(sheet.getRow(0).getCell(1).getCellStyle().getFontIndex()).getBold()).isTrue();
		}
		again = previewForConfirm(ADVISOR_66, "export.xlsx", xlsxBytes);
		assertThat(again.html()).contains("Aucune structure à créer", "Aucune structure à modifier");

		// A structure's people export their own structure only.
		String staff = new String(this.mvc.perform(get("/registre/export.csv").with(as("equipe.cs66@maillage.example")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(staff.split("\r\n")).hasSize(2);
	}

	@Test
	void theTemplatesPreviewCleanly() throws Exception {
		MvcResult csv = this.mvc.perform(get("/registre/import/modele.csv").with(as(ADVISOR_66)))
			.andExpect(status().isOk())
			.andReturn();
		byte[] bytes = csv.getResponse().getContentAsByteArray();
		assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("\uFEFFid;nom;type;");
		assertThat(preview(ADVISOR_66, "modele.csv", bytes)).contains("1 structure à créer");
		byte[] xlsx = this.mvc.perform(get("/registre/import/modele.xlsx").with(as(ADVISOR_66)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(preview(ADVISOR_66, "modele.xlsx", xlsx)).contains("1 structure à créer");
		this.mvc.perform(get("/registre/import/modele.csv").with(as("federation66@maillage.example")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theImportPageExplainsEveryColumnAndAnswersHtmxWithTheZoneOnly() throws Exception {
		String page = this.mvc.perform(get("/registre/import").with(as(ADVISOR_66)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (String header : StructureCells.headers()) {
			assertThat(page).contains("<code>" + header + "</code>");
		}
		assertThat(page).contains("data-hx-post=\"/registre/import\"", "data-hx-encoding=\"multipart/form-data\"",
				"<progress", "data-too-large=", "/js/registry-import.js");
		String fragment = this.mvc
			.perform(multipart("/registre/import")
				.file(new MockMultipartFile("fichier", "vide.csv", "text/csv", new byte[0]))
				.header("HX-Request", "true")
				.with(as(ADVISOR_66))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(fragment).startsWith("<div id=\"import-zone\">").doesNotContain("<html");
	}

	record Preview(String html, String importId, String fingerprint) {
	}

	private String preview(String email, String fileName, byte[] content) throws Exception {
		return this.mvc
			.perform(multipart("/registre/import").file(new MockMultipartFile("fichier", fileName, null, content))
				.with(as(email))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private Preview previewForConfirm(String email, String fileName, byte[] content) throws Exception {
		String html = preview(email, fileName, content);
		Matcher id = IMPORT_ID.matcher(html);
		Matcher fingerprint = FINGERPRINT.matcher(html);
		assertThat(id.find()).as("a confirmation form in %s", html).isTrue();
		assertThat(fingerprint.find()).isTrue();
		return new Preview(html, id.group(1), fingerprint.group(1));
	}

	private MvcResult confirm(String email, Preview preview) throws Exception {
		return this.mvc
			.perform(post("/registre/import/confirmer").param("import", preview.importId())
				.param("apercu", preview.fingerprint())
				.with(as(email))
				.with(csrf()))
			.andReturn();
	}

	private long countNamed(String part) {
		return this.jdbc.sql("select count(*) from structure where name like ?")
			.param("%" + part + "%")
			.query(Long.class)
			.single();
	}

	private long countAudit() {
		return this.jdbc.sql("""
				select count(*) from audit_entry
				where action in ('structure.created', 'structure.updated', 'registry.imported')""")
			.query(Long.class)
			.single();
	}

	private long firstStructureOf(String departement) {
		return this.jdbc.sql("select min(id) from structure where departement_code = ?")
			.param(departement)
			.query(Long.class)
			.single();
	}

	private RequestPostProcessor as(String email) {
		return user(this.accounts.loadUserByUsername(email));
	}

}
