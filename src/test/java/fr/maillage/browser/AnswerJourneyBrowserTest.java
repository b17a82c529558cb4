package fr.maillage.browser;

import java.time.Clock;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Page.GetByRoleOptions;
import com.microsoft.playwright.options.AriaRole;
import fr.maillage.account.DemoAccountFixtures;
import fr.maillage.support.TestMailServer;
import fr.maillage.support.TestSettings;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's journey, in Chromium with a real SMTP server: the director of a demo centre
 * social opens this year's questionnaire, finds last year's answers proposed, confirms
 * each section, answers the digital-inclusion block and types "1 234,5" in a money field
 * (both autosaved, the time shown), keeps a value through an expired session, submits
 * with the warning justified, and receives the receipt. Then issue 6's review of it:
 * returned with a comment, corrected, submitted again, validated. Every page goes through
 * the {@link PageChecker}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { TestSettings.DATA_DIR, TestSettings.DEMO_SIZE, TestSettings.CLOCK,
				"maillage.mail.sender.poll-interval=200ms" })
@ContextConfiguration(initializers = TestMailServer.Settings.class)
class AnswerJourneyBrowserTest {

	private static final String DIRECTOR = "direction.cs66@maillage.example";

	private static final String REVIEWER = "correspondant66@maillage.example";

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@RegisterExtension
	static final GreenMailExtension mail = TestMailServer.extension();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void aDirectorAnswersSubmitsWithAJustifiedWarningAndReceivesTheReceipt() throws Exception {
		Page page = browser.page();
		browser.signIn(DIRECTOR, DemoAccountFixtures.password(), null, this.clock.instant());
		page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Mes questionnaires de l’observatoire")).click();
		page.waitForURL("**/reponses");
		browser.checkPage();
		page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Données 2025")).click();
		page.waitForURL(Pattern.compile(".*/reponses/\\d+$"));
		long response = Long.parseLong(page.url().replaceAll(".*/reponses/", ""));
		browser.checkPage();
		page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Identité et territoire")).click();
		page.waitForURL("**/sections/identite");
		assertThat(page.locator("#etat-jours_ouverture-0")).containsText("Valeur de 2024 proposée");
		browser.checkPage();

		// The session ends while the director types: the value stays, and is saved once
		// she has signed in again in another tab. Half last year's days: a warning later.
		String days = Integer.toString(Integer.parseInt(lastYears(response, "jours_ouverture")) / 2);
		this.jdbc.sql("delete from spring_session").update();
		page.getByLabel("Nombre de jours d’ouverture au public dans l’année").fill(days);
		page.keyboard().press("Tab");
		assertThat(page.locator("#session-expiree")).isVisible();
		assertThat(page.getByLabel("Nombre de jours d’ouverture au public dans l’année")).hasValue(days);
		Page signIn = page.context().newPage();
		signIn.navigate("/connexion");
		signIn.getByLabel("Adresse e-mail").fill(DIRECTOR);
		signIn.getByLabel("Mot de passe").fill(DemoAccountFixtures.password());
		signIn.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Se connecter").setExact(true)).click();
		signIn.waitForURL("**/espace");
		signIn.close();
		page.bringToFront();
		assertThat(page.locator("#etat-jours_ouverture-0")).containsText("Enregistré à 11 h 00",
				new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
		assertThat(page.locator("#session-expiree")).isHidden();
		assertThat(stored(response, "jours_ouverture")).isEqualTo(days);
		// The save refused for the expired session, which the page then made again.
		browser.expectedFailure("403 POST /reponses/" + response + "/valeurs");

		// Each section confirmed in turn; two of them answered field by field.
		while (!page.url().endsWith("/soumettre")) {
			browser.checkPage();
			if (page.url().endsWith("/sections/finances")) {
				Locator money = page.getByLabel("Valorisation des contributions volontaires",
						new Page.GetByLabelOptions());
				money.fill("1 234,5");
				money.press("Tab");
				assertThat(page.locator("#etat-contributions_volontaires-0")).containsText("Enregistré à 11 h 00");
				assertThat(money).hasValue("1\u202F234,5\u00A0€");
			}
			if (page.url().endsWith("/sections/inclusion_numerique")) {
				page.locator("#q-num_conseiller-0-non").check();
				assertThat(page.locator("#etat-num_conseiller-0")).containsText("Enregistré à 11 h 00");
				page.locator("#q-num_accompagnements-0").fill("12");
				page.keyboard().press("Tab");
				assertThat(page.locator("#etat-num_accompagnements-0")).containsText("Enregistré à 11 h 00");
			}
			page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName(Pattern.compile("^Confirmer la section")))
				.click();
			page.waitForLoadState();
		}
		assertThat(stored(response, "contributions_volontaires")).isEqualTo("1234.5");

		// The checks: no blocking problem, a warning to justify (the days are far from
		// last year's).
		assertThat(page.locator("main")).not().containsText("la soumission");
		assertThat(page.locator("main")).containsText("Nombre de jours d’ouverture au public dans l’année");
		assertThat(page.locator("main")).containsText("de celle de l’an dernier");
		browser.checkPage();
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Soumettre le questionnaire")).click();
		assertThat(page.locator(".invalid-feedback").first()).containsText("Expliquez cette valeur");
		browser.checkPage();
		Locator justifications = page.locator("textarea[name^='j.']");
		for (int i = 0; i < justifications.count(); i++) {
			justifications.nth(i).fill("Nouvelle méthode de valorisation du bénévolat adoptée en conseil.");
		}
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Soumettre le questionnaire")).click();
		page.waitForURL("**/reponses/" + response);
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Votre questionnaire est soumis");
		assertThat(page.locator("main")).containsText("Soumise");
		browser.checkPage();

		MimeMessage receipt = TestMailServer.awaitMailTo(mail, DIRECTOR);
		assertThat(receipt.getSubject()).isEqualTo("Accusé de réception de votre questionnaire Maillage");
		assertThat(GreenMailUtil.getBody(receipt).replace("=\r\n", ""))
			.contains("/reponses/" + response + "/impression");

		page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Version imprimable")).click();
		assertThat(page.locator("main")).containsText("Nouvelle méthode de valorisation du bénévolat");
		browser.checkPage();
		page.navigate("/reponses/" + response + "/historique");
		assertThat(page.locator("table")).containsText(days);
		browser.checkPage();
		browser.signOut();

		reviewReturnCorrectAndValidate(page, response, lastYears(response, "jours_ouverture"));
	}

	/**
	 * Issue 6's journey on the response just submitted: the correspondent of the
	 * département comments on the days and returns it; the director sees the comment by
	 * the field, corrects and submits again; the correspondent validates; the history tab
	 * shows every step; an e-mail arrives at each step.
	 */
	private void reviewReturnCorrectAndValidate(Page page, long response, String lastYearsDays) throws Exception {
		String structureName = this.jdbc
			.sql("select s.name from structure s join response r on r.structure_id = s.id where r.id = ?")
			.param(response)
			.query(String.class)
			.single();
		browser.signIn(REVIEWER, DemoAccountFixtures.password(), null, this.clock.instant());
		page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Relire les questionnaires")).click();
		page.waitForURL("**/revue");
		browser.checkPage();
		page.getByLabel("Année des données").selectOption("2025");
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Afficher")).click();
		page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName(structureName).setExact(true)).click();
		page.waitForURL("**/revue/" + response);
		assertThat(page.locator("#points-attention + table")).containsText("Nouvelle méthode de valorisation");
		browser.checkPage();
		page.getByText("Commenter « Nombre de jours d’ouverture au public dans l’année »").click();
		page.locator("#commentaire-jours_ouverture").fill("Moitié moins de jours que l’an dernier : une fermeture ?");
		page.locator("form:has(#commentaire-jours_ouverture)")
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ajouter le commentaire"))
			.click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Votre commentaire est enregistré");
		page.getByLabel("Message à la structure").fill("Merci de revoir le nombre de jours d’ouverture.");
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Renvoyer pour correction")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("La réponse est renvoyée pour correction");
		browser.checkPage();
		MimeMessage returned = TestMailServer.awaitMailTo(mail, DIRECTOR,
				"Votre questionnaire Maillage vous est renvoyé pour correction");
		assertThat(GreenMailUtil.getBody(returned).replace("=\r\n", ""))
			.contains("Merci de revoir le nombre de jours d")
			.contains("/reponses/" + response);
		browser.signOut();

		// The director finds the comment next to the field, corrects, submits again.
		browser.signIn(DIRECTOR, DemoAccountFixtures.password(), null, this.clock.instant());
		page.navigate("/reponses/" + response);
		assertThat(page.locator("main")).containsText("Renvoyée pour correction");
		assertThat(page.locator("main")).containsText("Merci de revoir le nombre de jours d’ouverture.");
		browser.checkPage();
		page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Identité et territoire")).click();
		assertThat(page.locator("#remarques-jours_ouverture")).containsText("une fermeture ?");
		browser.checkPage();
		page.getByLabel("Nombre de jours d’ouverture au public dans l’année").fill(lastYearsDays);
		page.keyboard().press("Tab");
		assertThat(page.locator("#etat-jours_ouverture-0")).containsText("Enregistré à 11 h 00");
		page.navigate("/reponses/" + response);
		page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Vérifier et soumettre")).click();
		Locator justifications = page.locator("textarea[name^='j.']");
		for (int i = 0; i < justifications.count(); i++) {
			if (justifications.nth(i).inputValue().isBlank()) {
				justifications.nth(i).fill("Nouvelle méthode de valorisation du bénévolat adoptée en conseil.");
			}
		}
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Soumettre le questionnaire")).click();
		page.waitForURL("**/reponses/" + response);
		assertThat(page.locator("main")).containsText("Soumise");
		awaitMails(DIRECTOR, "Accusé de réception de votre questionnaire Maillage", 2);
		browser.signOut();

		// The correspondent validates; the history tab tells the whole story.
		browser.signIn(REVIEWER, DemoAccountFixtures.password(), null, this.clock.instant());
		page.navigate("/revue/" + response);
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Valider la réponse")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("La réponse est validée");
		browser.checkPage();
		TestMailServer.awaitMailTo(mail, DIRECTOR, "Votre questionnaire Maillage est validé");
		page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Historique")).click();
		page.waitForURL("**/revue/" + response + "/historique");
		Locator history = page.locator("table");
		assertThat(history).containsText("Soumise → Renvoyée pour correction");
		assertThat(history).containsText("Merci de revoir le nombre de jours d’ouverture.");
		assertThat(history).containsText("une fermeture ?");
		assertThat(history).containsText("Renvoyée pour correction → Soumise");
		assertThat(history).containsText("Soumise → Validée");
		browser.checkPage();
		browser.signOut();
	}

	private void awaitMails(String address, String subject, int count) throws Exception {
		long deadline = System.currentTimeMillis() + 15_000;
		while (System.currentTimeMillis() < deadline) {
			long received = java.util.Arrays.stream(mail.getReceivedMessages()).filter(message -> {
				try {
					return message.getAllRecipients()[0].toString().equals(address)
							&& subject.equals(message.getSubject());
				}
				catch (jakarta.mail.MessagingException ex) {
					return false;
				}
			}).count();
			if (received >= count) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError(count + " e-mails to " + address + " about \"" + subject + "\" expected");
	}

	/** The structure's validated answer of the year before the response's. */
	private String lastYears(long response, String code) {
		return this.jdbc.sql("""
				select a.value from answer a join response past on past.id = a.response_id
				join campaign pc on pc.id = past.campaign_id join response r on r.structure_id = past.structure_id
				join campaign c on c.id = r.campaign_id
				where r.id = ? and pc.data_year = c.data_year - 1 and past.status = 'VALIDATED'
				  and a.code = ? and a.item = 0""").params(response, code).query(String.class).single();
	}

	private String stored(long response, String code) {
		return this.jdbc.sql("select value from answer where response_id = ? and code = ? and item = 0")
			.params(response, code)
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
