package fr.maillage.browser;

import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Page.GetByRoleOptions;
import com.microsoft.playwright.options.AriaRole;
import fr.maillage.structure.DirectoryFixtures;
import fr.maillage.structure.DirectoryFixtures.Corsica;
import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor without an account looks for a structure in the directory: the map and its
 * table, a search, a page of results, a structure's page and back. Every page reached
 * goes through the {@link PageChecker}.
 */
@MaillageIntegrationTest
class DirectoryBrowserTest {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	/** The directory's address after searching « etoile ajaccio ». */
	private static final Pattern SEARCHED = Pattern.compile(".*/annuaire\\?q=etoile(\\+|%20)ajaccio(&.*)?$");

	@Autowired
	JdbcClient jdbc;

	private Corsica corsica;

	@BeforeEach
	void insertStructures() {
		this.corsica = DirectoryFixtures.insert(this.jdbc);
	}

	@AfterEach
	void deleteStructures() {
		DirectoryFixtures.delete(this.jdbc, this.corsica);
	}

	@Test
	void aVisitorSearchesTheDirectoryOpensAStructureAndComesBackToTheResults() {
		Page page = browser.page();
		browser.open("/");
		page.getByRole(AriaRole.NAVIGATION, new GetByRoleOptions().setName("Navigation principale"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Annuaire"))
			.click();
		page.waitForURL("**/annuaire");
		assertThat(page.getByRole(AriaRole.HEADING, new GetByRoleOptions().setLevel(1)))
			.hasText("Annuaire des centres sociaux et espaces de vie sociale");
		assertThat(page.locator("svg.departement-map")).isVisible();
		page.getByText("Voir ces chiffres sous forme de tableau").click();
		assertThat(page.getByRole(AriaRole.TABLE)).containsText("Corse-du-Sud (2A)");
		browser.checkPage();
		assertFitsTheWidthOf(page, 320);

		// htmx replaces the results and the address; the status line says how many.
		page.getByLabel("Nom, commune ou code postal").fill("etoile ajaccio");
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Rechercher")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).hasText("1 structure correspond à votre recherche.");
		assertThat(page).hasURL(SEARCHED);
		assertThat(page).hasTitle("1 structure trouvée – Annuaire – Maillage");
		// The address htmx wrote is the same page for a browser that loads it.
		page.reload();
		assertThat(page.getByRole(AriaRole.STATUS)).hasText("1 structure correspond à votre recherche.");
		browser.checkPage();

		page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Centre social L’Étoile du Maquis.")).click();
		page.waitForURL("**/annuaire/" + this.corsica.etoile() + "?q=**");
		assertThat(page.getByRole(AriaRole.HEADING, new GetByRoleOptions().setLevel(1)))
			.hasText("Centre social L’Étoile du Maquis.");
		assertThat(page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("contact@etoile-du-maquis.fr")))
			.hasAttribute("href", "mailto:contact@etoile-du-maquis.fr");
		assertThat(page.getByText("Animation globale, du 1 janvier 2024 au 31 décembre 2027")).isVisible();
		browser.checkPage();
		assertFitsTheWidthOf(page, 320);

		page.getByRole(AriaRole.NAVIGATION, new GetByRoleOptions().setName("Fil d’Ariane"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Annuaire"))
			.click();
		assertThat(page).hasURL(SEARCHED);
		assertThat(page.getByLabel("Nom, commune ou code postal")).hasValue("etoile ajaccio");
		assertThat(page.getByRole(AriaRole.STATUS)).hasText("1 structure correspond à votre recherche.");
		browser.checkPage();
	}

	@Test
	void resultPagesFiltersAndEveryKindOfStructurePageAreAccessible() {
		Page page = browser.page();
		for (String path : List.of("/annuaire?departement=93&page=2", "/annuaire?kind=EVS&managementMode=COMMUNE",
				"/annuaire?departement=99", "/annuaire/" + this.corsica.amandiers(),
				"/annuaire/" + this.corsica.moulin(), "/annuaire/" + this.corsica.ab(),
				// The observatory's territory coverage: its map and table, a département.
				"/observatoire/couverture?mesure=structures-rurales", "/observatoire/couverture/departements/66")) {
			browser.open(path);
			assertThat(page.getByRole(AriaRole.HEADING, new GetByRoleOptions().setLevel(1))).isVisible();
			browser.checkPage();
		}
		browser.open("/annuaire/" + this.corsica.moulin());
		assertThat(page.getByRole(AriaRole.HEADING, new GetByRoleOptions().setName("Structure fermée"))).isVisible();
	}

	/** Reflow (WCAG 1.4.10): nothing scrolls sideways on a 320 CSS pixels wide screen. */
	private static void assertFitsTheWidthOf(Page page, int width) {
		page.setViewportSize(width, 640);
		List<?> widths = (List<?>) page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]");
		assertThat(((Number) widths.get(0)).intValue()).as("content width of %s", page.url())
			.isLessThanOrEqualTo(((Number) widths.get(1)).intValue());
		page.setViewportSize(BrowserSupport.DESKTOP_WIDTH, BrowserSupport.DESKTOP_HEIGHT);
	}

}
