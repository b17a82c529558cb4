package fr.maillage.browser;

import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Page.GetByRoleOptions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
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
 * Issue 3's journey, with a real SMTP server: a Caf advisor invites the director of a
 * centre social; the invitation e-mail leads to choosing a password; the new director
 * sees only the people of their centre and invites a colleague; the advisor reads all of
 * it in the journal. Every page reached goes through the {@link PageChecker}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { TestSettings.DATA_DIR, TestSettings.DEMO_SIZE, TestSettings.CLOCK,
				"maillage.mail.sender.poll-interval=200ms" })
@ContextConfiguration(initializers = TestMailServer.Settings.class)
class InvitationJourneyBrowserTest {

	private static final Pattern LINK = Pattern.compile("https?://\\S+/invitation/[A-Za-z0-9_-]+");

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@RegisterExtension
	static final GreenMailExtension mail = TestMailServer.extension();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void anAdvisorInvitesADirectorWhoJoinsAndInvitesAColleague() throws Exception {
		Page page = browser.page();
		String centre = this.jdbc.sql("""
				select s.id::text from structure s where s.kind = 'CS' and s.departement_code = '66'
				order by s.id offset 1 limit 1""").query(String.class).single();
		String centreName = this.jdbc.sql("select name from structure where id = ?::bigint")
			.param(centre)
			.query(String.class)
			.single();

		browser.signIn("conseillere.caf66@maillage.example", DemoAccountFixtures.password(), null,
				this.clock.instant());
		page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Gérer les personnes")).click();
		page.waitForURL("**/personnes");
		browser.checkPage();
		page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Inviter une personne")).click();
		page.waitForURL("**/personnes/inviter");
		browser.checkPage();
		page.getByLabel("Adresse e-mail").fill("nouvelle.direction@exemple.fr");
		page.getByLabel("Prénom et nom").fill("Rosa Montagut");
		page.getByLabel("Rôle").selectOption(new SelectOption().setLabel("Direction de structure"));
		page.getByLabel("Territoire ou structure").selectOption("STRUCTURE:" + centre);
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Envoyer l’invitation")).click();
		page.waitForURL("**/personnes");
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Invitation envoyée à nouvelle.direction@exemple.fr");
		browser.checkPage();
		browser.signOut();

		String link = linkIn(TestMailServer.awaitMailTo(mail, "nouvelle.direction@exemple.fr"));
		page.navigate(link);
		assertThat(page.getByRole(AriaRole.HEADING, new GetByRoleOptions().setLevel(1)))
			.hasText("Bienvenue sur Maillage");
		browser.checkPage();
		page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill("court");
		page.getByLabel("Confirmez le mot de passe").fill("court");
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Créer mon compte")).click();
		assertThat(page.locator("#password-erreur")).containsText("au moins 12 caractères");
		browser.checkPage();
		page.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill("Maison-des-habitants-66");
		page.getByLabel("Confirmez le mot de passe").fill("Maison-des-habitants-66");
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Créer mon compte")).click();
		page.waitForURL("**/connexion");
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Votre compte est prêt");
		browser.checkPage();

		browser.signIn("nouvelle.direction@exemple.fr", "Maison-des-habitants-66", null, this.clock.instant());
		assertThat(page.locator("section.role-card[data-role=STRUCTURE_MANAGER] .scope-label"))
			.containsText(centreName);
		page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Gérer les personnes")).click();
		page.waitForURL("**/personnes");
		assertThat(page.locator("table")).containsText("nouvelle.direction@exemple.fr");
		assertThat(page.locator("table")).not().containsText("conseillere.caf66@maillage.example");
		assertThat(page.locator("table")).not().containsText("equipe.cs66@maillage.example");
		browser.checkPage();

		page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Inviter une personne")).click();
		page.waitForURL("**/personnes/inviter");
		assertThat(page.getByLabel("Territoire ou structure").locator("option")).hasCount(2);
		page.getByLabel("Adresse e-mail").fill("collegue@exemple.fr");
		page.getByLabel("Prénom et nom").fill("Pau Casals");
		page.getByLabel("Rôle").selectOption(new SelectOption().setLabel("Équipe de structure"));
		page.getByLabel("Territoire ou structure").selectOption("STRUCTURE:" + centre);
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Envoyer l’invitation")).click();
		page.waitForURL("**/personnes");
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Invitation envoyée à collegue@exemple.fr");
		assertThat(linkIn(TestMailServer.awaitMailTo(mail, "collegue@exemple.fr"))).contains("/invitation/");
		browser.signOut();

		// The advisor reads the trail of her département: the invitations and the roles.
		browser.signIn("conseillere.caf66@maillage.example", DemoAccountFixtures.password(), null,
				this.clock.instant());
		page.navigate("/journal");
		assertThat(page.locator("table")).containsText("Invitation envoyée");
		assertThat(page.locator("table")).containsText("Rôle attribué");
		browser.checkPage();
		browser.signOut();

		// The national administration also reads the sign-ins, which belong to no
		// territory.
		browser.signIn("admin@maillage.example", DemoAccountFixtures.password(),
				DemoAccountFixtures.totpSecret("admin@maillage.example"), this.clock.instant());
		page.navigate("/journal");
		assertThat(page.locator("table")).containsText("Invitation envoyée");
		assertThat(page.locator("table")).containsText("Invitation acceptée");
		assertThat(page.locator("table")).containsText("Rôle attribué");
		assertThat(page.locator("table")).containsText("Connexion réussie");
		browser.checkPage();
	}

	/**
	 * The e-mail the background sender delivers to {@code address}, within a few seconds.
	 */

	private static String linkIn(MimeMessage message) {
		Matcher link = LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", ""));
		assertThat(link.find()).as("an invitation link").isTrue();
		return link.group();
	}

}
