package fr.maillage.browser;

import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Page.GetByRoleOptions;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import fr.maillage.account.DemoAccountFixtures;
import fr.maillage.account.DemoAccountFixtures.DemoAccount;
import fr.maillage.account.Totp;
import fr.maillage.shared.security.Role;
import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first steps of everyone: the home page, signing in with each demo account, the
 * personal space, signing out; and the pages around them (wrong password, unknown
 * address, legal pages). Every page reached goes through the {@link PageChecker}.
 */
@MaillageIntegrationTest
class HomeAndSignInBrowserTest {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Autowired
	Clock clock;

	static Stream<DemoAccount> demoAccounts() {
		return DemoAccountFixtures.accounts().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("demoAccounts")
	void demoAccountSignsInFromTheHomePageSeesItsRoleAndSignsOut(DemoAccount account) {
		Page page = browser.page();

		browser.open("/");
		assertThat(page.getByRole(AriaRole.HEADING, new GetByRoleOptions().setLevel(1)))
			.hasText("Maillage, le réseau de l’animation de la vie sociale");
		assertThat(page.locator(".demo-banner")).containsText("données de ce site sont fictives");
		browser.checkPage();
		assertFitsTheWidthOf(page, 320);

		page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Se connecter").setExact(true)).click();
		page.waitForURL("**/connexion");
		assertThat(page.getByRole(AriaRole.HEADING, new GetByRoleOptions().setLevel(1))).hasText("Se connecter");
		browser.checkPage();

		page.getByLabel("Adresse e-mail").fill(account.email());
		page.getByLabel("Mot de passe").fill(DemoAccountFixtures.password());
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Se connecter").setExact(true)).click();
		if (account.role() == Role.NATIONAL_ADMIN) {
			// National administrators give the code of their authenticator application.
			page.waitForURL("**/connexion/code");
			browser.checkPage();
			page.getByLabel("Code à 6 chiffres ou code de secours")
				.fill(Totp.code(DemoAccountFixtures.totpSecret(account.email()), this.clock.instant()));
			page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Valider")).click();
		}
		page.waitForURL("**/espace");
		assertThat(page.getByRole(AriaRole.HEADING, new GetByRoleOptions().setLevel(1)))
			.hasText("Bonjour " + account.displayName());
		assertThat(page.locator("section.role-card[data-role=" + account.role().name() + "]")).hasCount(1);
		browser.checkPage();

		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Se déconnecter")).click();
		page.waitForURL(url -> url.endsWith("/?deconnecte"));
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Vous êtes déconnecté·e");
		assertThat(page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Se connecter").setExact(true)))
			.isVisible();
		browser.checkPage();
	}

	@Test
	void wrongPasswordKeepsTheAddressAndSaysWhatWentWrong() {
		Page page = browser.page();
		DemoAccount account = DemoAccountFixtures.accounts().getFirst();

		browser.open("/connexion");
		page.getByLabel("Adresse e-mail").fill(account.email());
		page.getByLabel("Mot de passe").fill("pas-le-bon-mot-de-passe");
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Se connecter").setExact(true)).click();
		page.waitForURL(url -> url.endsWith("/connexion?erreur"));

		assertThat(page.getByRole(AriaRole.ALERT)).containsText("Adresse e-mail ou mot de passe incorrect");
		assertThat(page.getByLabel("Adresse e-mail")).hasValue(account.email());
		assertThat(page.getByLabel("Mot de passe")).isEmpty();
		browser.checkPage();
	}

	@Test
	void unknownAddressShowsTheFrenchNotFoundPage() {
		Page page = browser.page();

		Response response = browser.open("/cette-page-n-existe-pas");

		assertThat(response.status()).isEqualTo(404);
		assertThat(page.getByRole(AriaRole.HEADING, new GetByRoleOptions().setLevel(1))).hasText("Page introuvable");
		browser.checkPage();
	}

	@ParameterizedTest(name = "{1}")
	@CsvSource(delimiter = '|',
			value = { "Mentions légales | /mentions-legales | Mentions légales",
					"Données personnelles | /donnees-personnelles | Données personnelles",
					"Accessibilité : partiellement conforme | /accessibilite | Déclaration d’accessibilité" })
	void footerLinkLeadsToItsLegalPage(String link, String path, String heading) {
		Page page = browser.page();
		browser.open("/");

		page.getByRole(AriaRole.CONTENTINFO)
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(link))
			.click();
		page.waitForURL("**" + path);

		assertThat(page.getByRole(AriaRole.HEADING, new GetByRoleOptions().setLevel(1))).hasText(heading);
		browser.checkPage();
	}

	/** Reflow (WCAG 1.4.10): nothing scrolls sideways on a 320 CSS pixels wide screen. */
	private static void assertFitsTheWidthOf(Page page, int width) {
		page.setViewportSize(width, 640);
		List<?> widths = (List<?>) page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]");
		int scrollWidth = ((Number) widths.get(0)).intValue();
		int innerWidth = ((Number) widths.get(1)).intValue();
		assertThat(scrollWidth).as("content width of %s in a %d px wide window", page.url(), innerWidth)
			.isLessThanOrEqualTo(innerWidth);
		page.setViewportSize(BrowserSupport.DESKTOP_WIDTH, BrowserSupport.DESKTOP_HEIGHT);
	}

}
