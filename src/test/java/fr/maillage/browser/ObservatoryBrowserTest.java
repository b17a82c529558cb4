package fr.maillage.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Page.GetByRoleOptions;
import com.microsoft.playwright.options.AriaRole;
import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor without an account opens the Pyrénées-Orientales' key figures from the
 * observatory's national page, switches the map's indicator, compares with territories
 * like their commune and downloads the comparison as CSV. Every page reached goes through
 * the {@link PageChecker} (axe-core and the HTML validator).
 */
@MaillageIntegrationTest
class ObservatoryBrowserTest {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Test
	void aVisitorOpensADepartementSwitchesTheMapComparesAndDownloads() throws IOException {
		Page page = browser.page();
		browser.open("/");
		page.getByRole(AriaRole.NAVIGATION, new GetByRoleOptions().setName("Navigation principale"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Observatoire").setExact(true))
			.click();
		page.waitForURL("**/observatoire");
		assertThat(page.getByRole(AriaRole.HEADING, new GetByRoleOptions().setLevel(1)))
			.containsText("France : chiffres clés");
		browser.checkPage();

		page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Occitanie").setExact(true)).first().click();
		page.waitForURL("**/observatoire/regions/76?annee=*");
		browser.checkPage();
		page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Pyrénées-Orientales (66)").setExact(true))
			.first()
			.click();
		page.waitForURL("**/observatoire/departements/66?annee=*");
		assertThat(page.getByRole(AriaRole.HEADING, new GetByRoleOptions().setLevel(1)))
			.containsText("Pyrénées-Orientales (66) : chiffres clés");
		assertThat(page.locator("#chiffres-socle caption")).containsText("Chiffres clés Pyrénées-Orientales (66)");
		assertThat(page.locator("#chiffres-socle")).containsText("Part des financements Caf");
		assertThat(page.locator("svg.departement-map title").first()).containsText("Part des financements Caf");
		browser.checkPage();

		// The map's indicator: a plain GET form, the same page with another map.
		page.getByLabel("Indicateur de la carte").selectOption("benevoles_activite");
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Afficher la carte")).click();
		page.waitForURL(Pattern.compile(".*carte=benevoles_activite.*"));
		assertThat(page.locator("svg.departement-map title").first()).containsText("Bénévoles d’activité");
		page.getByText("Voir la carte en tableau").click();
		assertThat(page.getByRole(AriaRole.TABLE,
				new Page.GetByRoleOptions().setName(Pattern.compile("^Bénévoles d’activité par département"))))
			.containsText("Pyrénées-Orientales (66)");
		browser.checkPage();

		// Territories like mine, from the visitor's commune.
		page.getByRole(AriaRole.LINK, new GetByRoleOptions().setName("Choisir des territoires à comparer")).click();
		page.waitForURL("**/observatoire/comparer?annee=*");
		page.getByLabel("Département").selectOption("66");
		page.getByLabel("Commune (facultatif)").fill("Perpignan");
		page.getByRole(AriaRole.BUTTON, new GetByRoleOptions().setName("Voir les territoires semblables")).click();
		assertThat(page.getByRole(AriaRole.HEADING,
				new GetByRoleOptions().setLevel(2).setName(Pattern.compile("^Territoires semblables à Perpignan"))))
			.isVisible();
		Locator table = page.locator("#comparaison");
		assertThat(table).containsText("Communes urbaines de 50 000 à 199 999 habitants");
		assertThat(table).containsText("Pyrénées-Orientales (66)");
		assertThat(page.locator("svg.chart")).isVisible();
		browser.checkPage();

		Download download = page.waitForDownload(() -> page.locator("#resultat")
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("CSV").setExact(true))
			.click());
		assertThat(download.suggestedFilename()).matches("comparaison-\\d{4}\\.csv");
		String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFCode;Indicateur;Communes urbaines de 50 000 à 199 999 habitants;");
		assertThat(csv).contains("benevoles_activite;Bénévoles d’activité;");
	}

	@Test
	void theOtherObservatoryPagesAreAccessible() {
		Page page = browser.page();
		for (String path : java.util.List.of("/observatoire/comparer",
				"/observatoire/comparer?t=nation&t=similaires:UNDER_2K",
				"/observatoire/comparer?departement=66&commune=Atlantis", "/observatoire/regions/76?carte=part_rural",
				"/api/documentation")) {
			browser.open(path);
			assertThat(page.getByRole(AriaRole.HEADING, new GetByRoleOptions().setLevel(1))).isVisible();
			browser.checkPage();
		}
	}

}
