package fr.maillage.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Page.GetByRoleOptions;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import fr.maillage.account.Totp;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.junit.jupiter.SpringExtension;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The system Chromium, driven by Playwright, for browser journeys against the application
 * started by the test on its random port. Register it on a {@code @SpringBootTest} class
 * with
 * {@code @RegisterExtension static final BrowserSupport browser = new BrowserSupport();}.
 * <p>
 * Chromium starts once per test class; each test gets a fresh browser context (no cookie
 * or session carried over from another test), a desktop-sized page and a
 * {@link PageChecker} that watches it from the first request.
 */
final class BrowserSupport implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

	/** The Debian package's browser: Playwright may not download its own here. */
	static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

	/**
	 * No sandbox since the build runs as root in containers; the rest keeps Chromium from
	 * calling home or doing background work on a 2-core machine.
	 */
	private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
			"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

	static final int DESKTOP_WIDTH = 1280;

	static final int DESKTOP_HEIGHT = 900;

	private Playwright playwright;

	private Browser browser;

	private BrowserContext context;

	private Page page;

	private PageChecker checker;

	@Override
	public void beforeAll(ExtensionContext extensionContext) {
		requireChromium();
		// Also set by the build; repeated so that a run from an IDE never tries to
		// download.
		this.playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		this.browser = this.playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(CHROMIUM_ARGS));
	}

	/**
	 * A missing browser skips the browser tests on a developer's machine, but must not
	 * let CI go green without them.
	 */
	private static void requireChromium() {
		boolean present = Files.isExecutable(CHROMIUM);
		if (!present && "true".equals(System.getenv("CI"))) {
			fail("Chromium is required in CI: apt-get install chromium (expected at " + CHROMIUM + ")");
		}
		assumeTrue(present, () -> "Browser tests skipped: no Chromium at " + CHROMIUM + " (apt-get install chromium)");
	}

	@Override
	public void beforeEach(ExtensionContext extensionContext) {
		// The port that @LocalServerPort would inject, read here so that tests need no
		// plumbing.
		String port = SpringExtension.getApplicationContext(extensionContext)
			.getEnvironment()
			.getRequiredProperty("local.server.port");
		String baseUrl = "http://localhost:" + port;
		this.context = this.browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl)
			.setLocale("fr-FR")
			.setViewportSize(DESKTOP_WIDTH, DESKTOP_HEIGHT));
		this.checker = new PageChecker(this.context, baseUrl);
		this.page = this.context.newPage();
		this.checker.watch(this.page);
	}

	@Override
	public void afterEach(ExtensionContext extensionContext) {
		if (this.context != null) {
			this.context.close();
			this.context = null;
		}
	}

	@Override
	public void afterAll(ExtensionContext extensionContext) {
		if (this.browser != null) {
			this.browser.close();
		}
		if (this.playwright != null) {
			this.playwright.close();
		}
	}

	/** The current test's page. */
	Page page() {
		return this.page;
	}

	/** Opens a path of the application, e.g. {@code "/connexion"}. */
	Response open(String path) {
		return this.page.navigate(path);
	}

	/**
	 * Checks the page as it is now: accessibility, served HTML, security policy, script
	 * errors and failed resources (see {@link PageChecker}). Call it on every page a
	 * journey reaches.
	 */
	void checkPage() {
		this.checker.check(this.page);
	}

	/**
	 * A failed request the journey provoked on purpose, e.g. {@code "403 POST /valeurs"}
	 * (status, method, end of the address): not a problem of the page.
	 */
	void expectedFailure(String description) {
		this.checker.expectedFailure(description);
	}

	/**
	 * Signs in through the sign-in page, giving the code of the authenticator application
	 * when {@code totpSecret} is not null, and checks each page on the way.
	 */
	void signIn(String email, String password, String totpSecret, Instant now) {
		this.page.navigate("/connexion");
		this.page.getByLabel("Adresse e-mail").fill(email);
		this.page.getByLabel("Mot de passe").fill(password);
		this.page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Se connecter").setExact(true)).click();
		if (totpSecret != null) {
			this.page.waitForURL("**/connexion/code");
			checkPage();
			this.page.getByLabel("Code à 6 chiffres ou code de secours").fill(Totp.code(totpSecret, now));
			this.page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Valider")).click();
		}
		this.page.waitForURL("**/espace");
		checkPage();
	}

	/** Signs out with the button of the page header. */
	void signOut() {
		this.page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Se déconnecter")).click();
		this.page.waitForURL(url -> url.endsWith("/?deconnecte"));
	}

}
