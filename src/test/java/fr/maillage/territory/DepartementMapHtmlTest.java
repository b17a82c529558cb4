package fr.maillage.territory;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import fr.maillage.browser.HtmlValidator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two maps, one linked and one not, inline in an HTML page: the Nu HTML checker, which
 * the browser tests run on every page, finds no error.
 */
class DepartementMapHtmlTest {

	@Test
	void twoMapsInlineInAPageAreValidHtml() {
		DepartementMap map = new DepartementMap();
		Map<String, Long> values = Map.of("01", 4L, "2A", 9L, "75", 120L, "974", 30L);
		String linked = map
			.draw(values,
					ChoroplethOptions.of("carte-a", "Structures", "Par département", "aucune")
						.withLinks((code) -> "/observatoire/departements/" + code + "?annee=2026&vue=carte"))
			.svg();
		String image = map.draw(values, ChoroplethOptions.of("carte-b", "Structures", "Par département", "aucune"))
			.svg();
		String page = """
				<!DOCTYPE html>
				<html lang="fr"><head><meta charset="utf-8"><title>Cartes</title></head>
				<body><main><h1>Cartes</h1>
				<figure>%s</figure>
				<figure>%s</figure>
				</main></body></html>
				""".formatted(linked, image);

		assertThat(new HtmlValidator().errors(page.getBytes(StandardCharsets.UTF_8))).isEmpty();
	}

}
