package fr.maillage.browser;

import java.time.Clock;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Page.GetByRoleOptions;
import com.microsoft.playwright.options.AriaRole;
import fr.maillage.account.DemoAccountFixtures;
import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The account pages no journey walks through: "Mon compte", the second factor, people
 * management, the national administration's pages, and the forgotten-password pages, each
 * checked for accessibility, HTML validity and the security policy.
 */
@MaillageIntegrationTest
class AccountPagesBrowserTest {

	private static final String ADMIN = "admin@maillage.example";

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theNationalAdministrationPagesAreAccessible() {
		// Other tests of this application signed the administrator in at the same (fixed)
		// instant: a TOTP code is accepted once only, so forget the last one used.
		this.jdbc.sql("update app_user set totp_last_step = null where email = ?").param(ADMIN).update();
		browser.signIn(ADMIN, DemoAccountFixtures.password(), DemoAccountFixtures.totpSecret(ADMIN),
				this.clock.instant());
		Page page = browser.page();

		for (String path : new String[] { "/compte", "/compte/mot-de-passe", "/compte/double-authentification",
				"/personnes", "/personnes/inviter", "/personnes/inviter-en-masse", "/admin/courriels",
				"/admin/effacements", "/admin/questionnaires", "/admin/campagnes", "/journal" }) {
			browser.open(path);
			assertThat(page.getByRole(AriaRole.HEADING, new GetByRoleOptions().setLevel(1))).isVisible();
			browser.checkPage();
		}

		browser.open("/personnes");
		page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Inès Roca")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new GetByRoleOptions().setLevel(1))).hasText("Inès Roca");
		browser.checkPage();

		// A bulk file with a mistake: the preview names the line and the column.
		browser.open("/personnes/inviter-en-masse");
		page.getByLabel("Ou collez son contenu ici")
			.fill("email;nom;role;territoire\npas-une-adresse;Dominique;STRUCTURE_STAFF;DEPARTEMENT:66\n");
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Vérifier la liste")).click();
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("Ligne 2, colonne « email »");
		browser.checkPage();

		// A campaign for a data year that has one: the message stands next to the year.
		browser.open("/admin/campagnes");
		page.getByLabel("Année des données").fill("2025");
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Créer la campagne")).click();
		assertThat(page.locator("#dataYear-erreur")).containsText("Une campagne existe déjà pour les données de 2025");
		browser.checkPage();

		// Issue 6's national pages on the demo campaign: its target, the rates of every
		// territory, a département's late structures, the responses to review.
		long campaign = this.jdbc.sql("select id from campaign where data_year = 2025").query(Long.class).single();
		// A submitted response of the 66: its overview with the extension form and the
		// département comparison, and its review.
		long submitted = this.jdbc.sql("""
				select r.id from response r join structure s on s.id = r.structure_id
				where r.campaign_id = ? and r.status = 'SUBMITTED' and s.departement_code = '66'
				order by r.id limit 1""").param(campaign).query(Long.class).single();
		for (String path : new String[] { "/admin/campagnes/" + campaign, "/suivi?annee=2025",
				"/suivi/departements/66?annee=2025", "/revue?annee=2025&statut=toutes" }) {
			browser.open(path);
			assertThat(page.getByRole(AriaRole.HEADING, new GetByRoleOptions().setLevel(1))).isVisible();
			assertThat(page.locator("main table").first()).isVisible();
			browser.checkPage();
		}
		browser.open("/reponses/" + submitted);
		assertThat(page.getByLabel("Nouvelle date limite")).isVisible();
		browser.checkPage();
		browser.open("/revue/" + submitted);
		assertThat(page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Renvoyer pour correction")))
			.isVisible();
		browser.checkPage();
		// Issue 7: a territory's key figures as the national administration sees them,
		// with
		// the form that marks them final.
		browser.open("/observatoire/departements/66?annee=2024");
		assertThat(page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Déclarer ces chiffres définitifs")))
			.isVisible();
		browser.checkPage();

		// The password form with mistakes: each message stands next to its field.
		browser.open("/compte/mot-de-passe");
		page.getByLabel("Mot de passe actuel").fill("pas-le-bon");
		page.getByLabel("Nouveau mot de passe").fill("court");
		page.getByLabel("Confirmez le mot de passe").fill("court");
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Enregistrer le mot de passe")).click();
		assertThat(page.locator("#current-erreur")).containsText("Le mot de passe actuel n’est pas le bon");
		assertThat(page.locator("#password-erreur")).containsText("au moins 12 caractères");
		browser.checkPage();
	}

	@Test
	void theForgottenPasswordPagesAreAccessible() {
		Page page = browser.page();
		browser.open("/mot-de-passe-oublie");
		browser.checkPage();
		page.getByLabel("Adresse e-mail").fill("personne@inconnue.example");
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Envoyer le lien")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Si un compte actif utilise cette adresse");
		browser.checkPage();

		browser.open("/mot-de-passe/un-lien-qui-n-existe-pas");
		assertThat(page.getByRole(AriaRole.HEADING, new GetByRoleOptions().setLevel(1)))
			.hasText("Ce lien ne fonctionne plus");
		browser.checkPage();
	}

}
