package fr.maillage.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Page.GetByRoleOptions;
import com.microsoft.playwright.options.AriaRole;
import fr.maillage.account.DemoAccountFixtures;
import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A Caf advisor's registry work in a real browser: the list, a structure's record, its
 * edit form with a mistake, a new approval with a mistake, a social project document, a
 * milestone marked done and the renewal dashboard; then a centre's staff member on their
 * own record. Every page passes axe-core, the HTML validator and the security policy.
 */
@MaillageIntegrationTest
class RegistryBrowserTest {

	private static final String ADVISOR = "conseillere.caf66@maillage.example";

	private static final String STAFF = "equipe.cs66@maillage.example";

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCafAdvisorKeepsTheRegistryOfHerDepartement(@TempDir Path files) throws Exception {
		long structure = this.jdbc.sql("""
				insert into structure (name, kind, commune_code, postal_code, email)
				values ('Centre social Les Micocouliers', 'CS', '66136', '66000', 'contact@micocouliers.example')
				returning id""").query(Long.class).single();
		browser.signIn(ADVISOR, DemoAccountFixtures.password(), null, null);
		Page page = browser.page();

		browser.open("/registre");
		browser.checkPage();
		page.getByLabel("Nom, commune ou code postal").fill("Micocouliers");
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Filtrer")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).hasText("1 structure");
		page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Centre social Les Micocouliers")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new GetByRoleOptions().setLevel(1)))
			.hasText("Centre social Les Micocouliers");
		browser.checkPage();

		// The edit form with a SIRET whose check digit is wrong.
		page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Modifier la fiche")).click();
		browser.checkPage();
		page.getByLabel("SIRET").fill("120 027 016 00358");
		page.getByLabel("Mode de gestion").selectOption("ASSOCIATION");
		page.getByLabel("Dans ou à proximité d’un quartier prioritaire (QPV)").check();
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Enregistrer")).click();
		assertThat(page.locator("#siret-erreur")).containsText("Le SIRET « 120 027 016 00358 » n’est pas valide");
		assertThat(page.getByRole(AriaRole.ALERT).first()).containsText("SIRET");
		browser.checkPage();
		page.getByLabel("SIRET").fill("120 027 016 00357");
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Enregistrer")).click();
		assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("La fiche a été enregistrée.");
		assertThat(page.getByText("12002701600357")).isVisible();

		// A new approval: five years is too long, then a valid one.
		page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Enregistrer un agrément")).click();
		browser.checkPage();
		page.getByLabel("Type d’agrément").selectOption("AG");
		page.getByLabel("Début").fill("01/01/2027");
		page.getByLabel("Fin", new Page.GetByLabelOptions().setExact(true)).fill("31/12/2031");
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Enregistrer l’agrément")).click();
		assertThat(page.locator("#endsOn-erreur")).containsText("Un agrément dure de 1 à 4 ans");
		browser.checkPage();
		page.getByLabel("Début").fill("01/01/2024");
		page.getByLabel("Fin", new Page.GetByLabelOptions().setExact(true)).fill("31/12/2027");
		page.getByLabel("Axes prioritaires").fill("Accès aux droits\nParentalité");
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Enregistrer l’agrément")).click();
		assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("L’agrément a été enregistré");
		Locator milestones = page.getByRole(AriaRole.TABLE,
				new Page.GetByRoleOptions().setName("Étapes du renouvellement de l’agrément en cours"));
		assertThat(milestones.getByRole(AriaRole.ROW)).hasCount(5);
		assertThat(milestones).containsText("À venir");
		browser.checkPage();

		// A social project document, checked by its content.
		Path pdf = files.resolve("projet-social.pdf");
		Files.writeString(pdf, "%PDF-1.7\n%âãÏÓ\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n",
				StandardCharsets.ISO_8859_1);
		page.getByLabel("Ajouter un document").first().setInputFiles(pdf);
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Ajouter").setExact(true)).first().click();
		assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Le document a été ajouté.");
		assertThat(page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("projet-social.pdf"))).isVisible();

		// The diagnostic, started early and marked done.
		page.getByText("Marquer comme réalisée").first().click();
		page.getByLabel("Note (facultative)").first().fill("Diagnostic partagé avec la commune.");
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Enregistrer").setExact(true)).first().click();
		assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("L’étape a été marquée comme réalisée.");
		assertThat(page.getByText("Diagnostic partagé avec la commune.")).isVisible();
		browser.checkPage();

		// The approval's correction form, then the document removed.
		page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Corriger cet agrément")).first().click();
		assertThat(page.getByRole(AriaRole.HEADING, new GetByRoleOptions().setLevel(1)))
			.hasText("Corriger un agrément de Centre social Les Micocouliers");
		browser.checkPage();
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Enregistrer la correction")).click();
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Retirer le document projet-social.pdf"))
			.click();
		assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Le document a été retiré.");
		browser.checkPage();

		browser.open("/registre/renouvellements");
		assertThat(page.getByRole(AriaRole.HEADING, new GetByRoleOptions().setLevel(1)))
			.hasText("Renouvellements d’agrément");
		browser.checkPage();
		browser.open("/registre/nouvelle");
		browser.checkPage();
		browser.signOut();

		this.jdbc.sql("delete from structure_served_commune where structure_id = ?").param(structure).update();
	}

	@Test
	void aCafAdvisorImportsAFileAfterFixingTheLineThePreviewNames(@TempDir Path files) throws Exception {
		browser.signIn(ADVISOR, DemoAccountFixtures.password(), null, null);
		Page page = browser.page();
		browser.open("/registre/import");
		browser.checkPage();
		Path csv = files.resolve("structures.csv");
		String header = "nom;type;code_commune;code_postal;siret\n";
		Files.writeString(csv, header + "Centre social La Sardane;CS;66136;66000;12002701600357\n"
				+ "Espace de vie sociale Le Canigou;EVS;66074;66500;12002701600358\n", StandardCharsets.UTF_8);
		page.getByLabel("Fichier à importer").setInputFiles(csv);
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Vérifier le fichier")).click();
		assertThat(page.getByText("Ligne 3, colonne « siret »")).isVisible();
		assertThat(page.getByText("Rien n’a été enregistré.")).isVisible();
		browser.checkPage();

		Files.writeString(csv, header + "Centre social La Sardane;CS;66136;66000;12002701600357\n"
				+ "Espace de vie sociale Le Canigou;EVS;66074;66500;12002701600357\n", StandardCharsets.UTF_8);
		browser.open("/registre/import");
		page.getByLabel("Fichier à importer").setInputFiles(csv);
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Vérifier le fichier")).click();
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Confirmer l’import : créer 2, modifier 0"))
			.click();
		assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("2");
		browser.checkPage();
		org.assertj.core.api.Assertions
			.assertThat(this.jdbc.sql("select count(*) from structure where name in ('Centre social La Sardane',"
					+ " 'Espace de vie sociale Le Canigou')")
				.query(Long.class)
				.single())
			.isEqualTo(2);
	}

	@Test
	void aCentresStaffMemberUpdatesTheirContactsOnly() {
		browser.signIn(STAFF, DemoAccountFixtures.password(), null, null);
		Page page = browser.page();
		browser.open("/registre");
		page.getByRole(AriaRole.TABLE).getByRole(AriaRole.LINK).first().click();
		browser.checkPage();
		page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Modifier la fiche")).click();
		assertThat(page.getByLabel("SIRET")).hasCount(0);
		page.getByLabel("Courriel de contact").fill("pas-une-adresse");
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Enregistrer")).click();
		assertThat(page.locator("#email-erreur"))
			.containsText("« pas-une-adresse » n’est pas une adresse électronique valide");
		browser.checkPage();
		page.getByLabel("Courriel de contact").fill("accueil@tilleuls.example");
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Enregistrer")).click();
		assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("La fiche a été enregistrée.");
		assertThat(page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("accueil@tilleuls.example")))
			.isVisible();
		browser.checkPage();
	}

}
