package fr.maillage.territory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The map drawn from the committed data, checked against the committed official list of
 * départements; the SVG is read back with an XML parser.
 */
class DepartementMapTest {

	private static final String SVG = SvgMapWriter.NAMESPACE;

	private static final Pattern TITLE = Pattern.compile("(.+) \\((\\w+)\\)\u00a0: (.+)");

	private static final DepartementMap map = new DepartementMap();

	private static final Map<String, String> official = officialDepartements();

	@Test
	void drawsEachOfThe101OfficialDepartementsOnceWithItsOfficialName() {
		Document svg = parse(draw(Map.of(), options()).svg());

		Map<String, String> drawn = new LinkedHashMap<>();
		for (Element path : elements(svg, "path")) {
			Matcher title = title(path);
			assertThat(drawn.put(title.group(2), title.group(1))).as("drawn twice: " + title.group(2)).isNull();
		}
		assertThat(drawn).hasSize(101).isEqualTo(official);
		assertThat(map.codes()).containsExactlyInAnyOrderElementsOf(official.keySet());
	}

	@Test
	void corsicaIs2AAnd2B() {
		Map<String, String> drawn = titlesByCode(draw(Map.of("2A", 3L, "2B", 4L), options()).svg());

		assertThat(drawn).containsEntry("2A", "Corse-du-Sud (2A)\u00a0: 3")
			.containsEntry("2B", "Haute-Corse (2B)\u00a0: 4")
			.doesNotContainKeys("20", "2a", "2b");
	}

	@Test
	void theFiveOverseasDepartementsAreLabelledBoxesColouredAndLinkedLikeTheOthers() {
		Document svg = parse(draw(Map.of("971", 12L, "974", 1L), options().withLinks((code) -> "/d/" + code)).svg());

		assertThat(elements(svg, "text")).extracting(Element::getTextContent)
			.containsExactly("971 Guadeloupe", "972 Martinique", "973 Guyane", "974 La Réunion", "976 Mayotte");
		for (Element text : elements(svg, "text")) {
			Element link = (Element) text.getParentNode();
			String code = text.getTextContent().substring(0, 3);
			assertThat(link.getLocalName()).isEqualTo("a");
			assertThat(link.getAttribute("href")).isEqualTo("/d/" + code);
			assertThat(elements(link, "path")).hasSize(1);
		}
		assertThat(fillOf(svg, "971")).isEqualTo(ChoroplethScale.FILLS.getLast());
		assertThat(fillOf(svg, "974")).isEqualTo(ChoroplethScale.FILLS.getFirst());
		assertThat(fillOf(svg, "976")).isEqualTo(ChoroplethScale.NONE_FILL);
	}

	@Test
	void withLinksEachDepartementIsAFocusableLinkNamedByItsTitle() {
		Choropleth drawing = draw(Map.of("66", 1234L), options().withLinks((code) -> "/observatoire?d=" + code));
		Document svg = parse(drawing.svg());

		List<Element> links = elements(svg, "a");
		assertThat(links).hasSize(101);
		Element perpignan = links.stream()
			.filter((a) -> a.getAttribute("href").endsWith("=66"))
			.findFirst()
			.orElseThrow();
		assertThat(perpignan.getAttribute("href")).isEqualTo("/observatoire?d=66");
		assertThat(perpignan.getAttribute("aria-label")).isEqualTo("Pyrénées-Orientales (66)\u00a0: 1\u202f234");
		assertThat(first(perpignan, "title").getTextContent()).isEqualTo(perpignan.getAttribute("aria-label"));
		// An image's content is hidden from assistive technologies: links need a group.
		assertThat(svg.getDocumentElement().getAttribute("role")).isEqualTo("group");
	}

	@Test
	void withoutLinksTheMapIsOneImage() {
		Document svg = parse(draw(Map.of("66", 1L), options()).svg());

		assertThat(elements(svg, "a")).isEmpty();
		assertThat(svg.getDocumentElement().getAttribute("role")).isEqualTo("img");
	}

	@Test
	void aDepartementWhoseAddressIsNullIsNotLinked() {
		Document svg = parse(
				draw(Map.of(), options().withLinks((code) -> code.startsWith("97") ? null : "/d/" + code)).svg());

		assertThat(elements(svg, "a")).hasSize(96);
		assertThat(elements(svg, "text"))
			.allSatisfy((text) -> assertThat(text.getParentNode().getLocalName()).isEqualTo("g"));
	}

	@Test
	void isNamedAndDescribedByItsTitleAndDescriptionWithIdsFromThePrefix() {
		Document svg = parse(draw(Map.of(), ChoroplethOptions.of("carte-2", "Structures", "Année 2026", "—")).svg());
		Element root = svg.getDocumentElement();

		assertThat(root.getNamespaceURI()).isEqualTo(SVG);
		assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 613 585");
		assertThat(root.getAttribute("aria-labelledby")).isEqualTo("carte-2-title");
		assertThat(root.getAttribute("aria-describedby")).isEqualTo("carte-2-desc");
		Element title = first(root, "title");
		assertThat(title.getAttribute("id")).isEqualTo("carte-2-title");
		assertThat(title.getTextContent()).isEqualTo("Structures");
		Element desc = first(root, "desc");
		assertThat(desc.getAttribute("id")).isEqualTo("carte-2-desc");
		assertThat(desc.getTextContent()).isEqualTo("Année 2026");
		assertThat(root.hasAttribute("style")).isFalse();
		assertThat(elements(svg, "style")).isEmpty();
	}

	@Test
	void refusesAnIdPrefixThatCouldNotBeAnId() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChoroplethOptions.of("1carte", "t", "d", "n"));
		assertThatIllegalArgumentException().isThrownBy(() -> ChoroplethOptions.of("carte \"x", "t", "d", "n"));
	}

	@Test
	void escapesEveryTextAndAddress() {
		String nasty = "<script>alert('x')</script> & \"co\"";
		ChoroplethOptions options = new ChoroplethOptions("m", nasty, nasty, nasty, (code) -> "/d?a=1&b=<" + code + ">",
				(value) -> nasty);
		String drawn = draw(Map.of("01", 5L), options).svg();
		Document svg = parse(drawn);

		assertThat(drawn).doesNotContain("<script");
		assertThat(first(svg.getDocumentElement(), "title").getTextContent()).isEqualTo(nasty);
		assertThat(first(svg.getDocumentElement(), "desc").getTextContent()).isEqualTo(nasty);
		assertThat(titlesByCode(drawn)).containsEntry("01", "Ain (01)\u00a0: " + nasty)
			.containsEntry("02", "Aisne (02)\u00a0: " + nasty);
		assertThat(elements(svg, "a").getFirst().getAttribute("href")).isEqualTo("/d?a=1&b=<01>");
	}

	@Test
	void fillsEachDepartementWithTheColourOfItsClassAndTheNeutralOneForZeroOrNothing() {
		Map<String, Long> values = new HashMap<>();
		List<String> codes = map.codes();
		// Values 1 to 100 on the first 100 départements; the last (976) has none, 01 has
		// 0.
		IntStream.range(1, 100).forEach((i) -> values.put(codes.get(i), (long) i + 1));
		values.put(codes.getFirst(), 0L);
		Choropleth drawing = draw(values, options());
		Document svg = parse(drawing.svg());

		assertThat(drawing.classes()).extracting(ChoroplethClass::from, ChoroplethClass::to)
			.containsExactly(tuple(2L, 21L), tuple(22L, 41L), tuple(42L, 61L), tuple(62L, 81L), tuple(82L, 100L));
		assertThat(drawing.classes()).extracting(ChoroplethClass::departements).containsExactly(20, 20, 20, 20, 19);
		assertThat(drawing.classes()).extracting(ChoroplethClass::fill)
			.containsExactlyElementsOf(ChoroplethScale.FILLS);
		assertThat(drawing.none()).isEqualTo(new ChoroplethClass("map-class-none", ChoroplethScale.NONE_FILL, 0, 0, 2));
		for (String code : codes) {
			Long value = values.get(code);
			String expected = (value == null || value == 0) ? ChoroplethScale.NONE_FILL
					: drawing.classes()
						.stream()
						.filter((c) -> c.from() <= value && value <= c.to())
						.findFirst()
						.orElseThrow()
						.fill();
			assertThat(fillOf(svg, code)).as(code).isEqualTo(expected);
		}
		assertThat(titlesByCode(drawing.svg())).containsEntry("976", "Mayotte (976)\u00a0: —")
			.containsEntry("01", "Ain (01)\u00a0: 0");
	}

	@Test
	void refusesAnUnknownCodeOrANegativeValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> draw(Map.of("975", 1L), options()))
			.withMessageContaining("975");
		assertThatIllegalArgumentException().isThrownBy(() -> draw(Map.of("66", -1L), options()))
			.withMessageContaining("66");
	}

	@Test
	void theLegendSwatchesOfTheSiteStylesheetHaveTheMapsColours() throws IOException {
		String css = new ClassPathResource("static/css/maillage.css").getContentAsString(StandardCharsets.UTF_8);

		for (int i = 0; i < ChoroplethScale.FILLS.size(); i++) {
			assertThat(css)
				.contains(".map-class-" + (i + 1) + " {\n\tbackground-color: " + ChoroplethScale.FILLS.get(i) + ";");
		}
		assertThat(css).contains(".map-class-none {\n\tbackground-color: " + ChoroplethScale.NONE_FILL + ";");
	}

	private static ChoroplethOptions options() {
		return ChoroplethOptions.of("carte", "Structures par département", "Nombre de structures agréées", "—");
	}

	private static Choropleth draw(Map<String, Long> values, ChoroplethOptions options) {
		return map.draw(values, options);
	}

	/** Each département's title, by code (from the path's title, or its link's). */
	private static Map<String, String> titlesByCode(String drawn) {
		Map<String, String> titles = new HashMap<>();
		for (Element path : elements(parse(drawn), "path")) {
			Matcher title = title(path);
			titles.put(title.group(2), title.group(0));
		}
		return titles;
	}

	private static String fillOf(Document svg, String code) {
		return elements(svg, "path").stream()
			.filter((path) -> title(path).group(2).equals(code))
			.findFirst()
			.orElseThrow()
			.getAttribute("fill");
	}

	private static Matcher title(Element path) {
		Element owner = "a".equals(path.getParentNode().getLocalName()) ? (Element) path.getParentNode() : path;
		Matcher title = TITLE.matcher(first(owner, "title").getTextContent());
		assertThat(title.matches()).as(title.toString()).isTrue();
		return title;
	}

	private static Element first(Element parent, String name) {
		return elements(parent, name).getFirst();
	}

	private static List<Element> elements(Document document, String name) {
		return elements(document.getDocumentElement(), name);
	}

	private static List<Element> elements(Element parent, String name) {
		NodeList nodes = parent.getElementsByTagNameNS(SVG, name);
		List<Element> elements = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			elements.add((Element) nodes.item(i));
		}
		return elements;
	}

	private static Document parse(String svg) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new AssertionError("Not well-formed XML: " + ex.getMessage(), ex);
		}
	}

	private static Map<String, String> officialDepartements() {
		try {
			Map<String, String> departements = new LinkedHashMap<>();
			String tsv = new ClassPathResource("territory/departements.tsv").getContentAsString(StandardCharsets.UTF_8);
			tsv.lines().skip(1).map((line) -> line.split("\t")).forEach((f) -> departements.put(f[0], f[1]));
			return departements;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
