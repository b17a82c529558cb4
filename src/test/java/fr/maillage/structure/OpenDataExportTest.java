package fr.maillage.structure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import fr.maillage.structure.DirectoryFixtures.Corsica;
import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The open data in the data·inclusion schema: every active structure, each one valid
 * against the schema with its formats asserted, the same in JSON and in CSV.
 */
@MaillageIntegrationTest
@AutoConfigureMockMvc
class OpenDataExportTest {

	static final String JSON = "/api/v1/open-data/structures.data-inclusion.json";

	static final String CSV = "/api/v1/open-data/structures.data-inclusion.csv";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

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
	void everyActiveStructureOfTheJsonExportIsValidAgainstTheSchema() throws Exception {
		JsonNode structures = this.json.readTree(download(JSON).getContentAsByteArray());

		assertThat(structures.isArray()).isTrue();
		assertThat(structures.size()).isEqualTo(activeStructures()).isGreaterThan(100);
		Schema schema = schema(true);
		List<String> problems = new ArrayList<>();
		for (JsonNode structure : structures) {
			schema.validate(structure).forEach(error -> problems.add(structure.get("id").asString() + ": " + error));
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void mapsTheRegistryToTheSchemaFields() throws Exception {
		Map<String, JsonNode> byId = new LinkedHashMap<>();
		this.json.readTree(download(JSON).getContentAsByteArray())
			.forEach(structure -> byId.put(structure.get("id").asString(), structure));

		JsonNode etoile = byId.get("maillage--" + this.corsica.etoile());
		assertThat(etoile.get("source").asString()).isEqualTo("maillage");
		// The schema's names never end with a dot.
		assertThat(etoile.get("nom").asString()).isEqualTo("Centre social L’Étoile du Maquis");
		assertThat(etoile.get("date_maj").asString()).isEqualTo("2026-10-15");
		assertThat(etoile.get("siret").asString()).isEqualTo("42100000100006");
		assertThat(etoile.get("adresse").asString()).isEqualTo("12, avenue Noël-Franchini");
		assertThat(etoile.get("code_postal").asString()).isEqualTo("20090");
		assertThat(etoile.get("code_insee").asString()).isEqualTo("2A004");
		assertThat(etoile.get("commune").asString()).isEqualTo("Ajaccio");
		assertThat(etoile.get("latitude").decimalValue()).isEqualByComparingTo("41.9267");
		assertThat(etoile.get("longitude").decimalValue()).isEqualByComparingTo("8.7369");
		assertThat(etoile.get("telephone").asString()).isEqualTo("04 95 20 30 40");
		assertThat(etoile.get("courriel").asString()).isEqualTo("contact@etoile-du-maquis.fr");
		assertThat(etoile.get("site_web").asString()).isEqualTo("https://etoile-du-maquis.fr/accueil");
		assertThat(etoile.get("description").asString()).startsWith("Créé en 1975")
			.endsWith("Axes du projet social : Parentalité ; Jeunesse, citoyenneté.");
		assertThat(etoile.get("lien_source").asString())
			.isEqualTo("http://localhost/annuaire/" + this.corsica.etoile());
		assertThat(etoile.get("reseaux_porteurs").values()).extracting(JsonNode::asString)
			.containsExactly("caf", "fcsf");
		assertThat(etoile.get("horaires_accueil").isNull()).isTrue();

		// What the schema would refuse is left out; a name too short says what it is.
		JsonNode ab = byId.get("maillage--" + this.corsica.ab());
		assertThat(ab.get("nom").asString()).isEqualTo("Espace de vie sociale Ab");
		assertThat(ab.get("courriel").isNull()).isTrue();
		assertThat(ab.get("site_web").isNull()).isTrue();
		assertThat(ab.get("description").asString()).isEqualTo("Espace de vie sociale situé à Ajaccio.");
		assertThat(ab.get("reseaux_porteurs").values()).extracting(JsonNode::asString).containsExactly("caf");

		assertThat(byId).doesNotContainKey("maillage--" + this.corsica.moulin());
		// Addresses under domains reserved for examples never receive mail: left out.
		assertThat(DataInclusionStructure.courriel("contact@les-tilleuls.example")).isNull();
	}

	@Test
	void theSchemaAssertsFormatsSoABadEmailOrAddressFails() throws IOException {
		ObjectNode structure = this.json.createObjectNode()
			.put("source", "maillage")
			.put("id", "maillage--1")
			.put("nom", "Centre social")
			.put("date_maj", "2026-11-27")
			.put("courriel", "pas-un-courriel")
			.put("lien_source", "pas une adresse");

		List<Error> errors = schema(true).validate(structure);

		assertThat(errors).extracting(error -> error.getInstanceLocation().toString())
			.contains("/courriel", "/lien_source");
		// Formats are only annotations unless asserted: the switch is what catches them.
		assertThat(schema(false).validate(structure)).isEmpty();
		assertThat(schema(true).validate(structure.put("courriel", "accueil@exemple.fr")
			.put("lien_source", "https://exemple.fr/annuaire/1")
			.put("date_maj", "27/11/2026"))).extracting(error -> error.getInstanceLocation().toString())
			.containsOnly("/date_maj");
	}

	@Test
	void theCsvHoldsTheSameStructuresUnderTheSchemaNames() throws Exception {
		MockHttpServletResponse response = download(CSV);
		assertThat(response.getContentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(response.getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"maillage-structures.data-inclusion.csv\"");

		List<List<String>> rows = parseCsv(response.getContentAsString(StandardCharsets.UTF_8));

		assertThat(rows.getFirst()).containsExactly("source", "id", "nom", "date_maj", "siret", "adresse",
				"complement_adresse", "code_postal", "code_insee", "commune", "latitude", "longitude", "telephone",
				"courriel", "site_web", "description", "horaires_accueil", "accessibilite_lieu", "lien_source",
				"reseaux_porteurs");
		assertThat(rows).hasSize(1 + (int) activeStructures());
		assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(20));
		List<String> etoile = rows.stream()
			.filter(row -> row.get(1).equals("maillage--" + this.corsica.etoile()))
			.findFirst()
			.orElseThrow();
		assertThat(etoile.get(2)).isEqualTo("Centre social L’Étoile du Maquis");
		assertThat(etoile.get(5)).isEqualTo("12, avenue Noël-Franchini");
		assertThat(etoile.get(10)).isEqualTo("41.926700");
		assertThat(etoile.get(15)).contains("\"pour tous\".\nAgréé centre social depuis 1998.");
		assertThat(etoile.get(16)).isEmpty();
		assertThat(etoile.get(19)).isEqualTo("caf,fcsf");
		// A list is always in a quoted cell, even of one value.
		assertThat(response.getContentAsString(StandardCharsets.UTF_8))
			.contains("/annuaire/" + this.corsica.ab() + ",\"caf\"\r\n");
	}

	@Test
	void answersNotModifiedUntilAStructureChanges() throws Exception {
		MockHttpServletResponse first = download(JSON);
		String tag = first.getHeader("ETag");
		assertThat(tag).isNotBlank();
		assertThat(first.getHeader("Cache-Control")).isEqualTo("max-age=600, public");

		assertThat(this.mvc.perform(get(JSON).header("If-None-Match", tag)).andReturn().getResponse().getStatus())
			.isEqualTo(304);
		assertThat(download(CSV).getHeader("ETag")).isNotEqualTo(tag);

		this.jdbc
			.sql("update structure set name = 'Espace de vie sociale Les Amandiers en fleurs', updated_at = now()"
					+ " where id = ?")
			.param(this.corsica.amandiers())
			.update();
		assertThat(this.mvc.perform(get(JSON).header("If-None-Match", tag)).andReturn().getResponse().getStatus())
			.isEqualTo(200);
	}

	private MockHttpServletResponse download(String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response;
	}

	private long activeStructures() {
		return this.jdbc.sql("select count(*) from structure where status = 'ACTIVE'").query(Long.class).single();
	}

	/**
	 * The data·inclusion schema, copied in the test resources; {@code formats}: whether
	 * the {@code format} keyword is asserted (draft 2020-12 makes it an annotation).
	 */
	private static Schema schema(boolean formats) throws IOException {
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				builder -> builder
					.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(formats).build()));
		try (InputStream schema = OpenDataExportTest.class
			.getResourceAsStream("/data-inclusion/structure.schema.json")) {
			return registry.getSchema(schema);
		}
	}

	/** RFC 4180: cells separated by commas, quoted when needed, rows by CRLF. */
	static List<List<String>> parseCsv(String text) throws java.io.IOException {
		try (org.apache.commons.csv.CSVParser parser = org.apache.commons.csv.CSVFormat.RFC4180
			.parse(new java.io.StringReader(text))) {
			return parser.getRecords().stream().map(org.apache.commons.csv.CSVRecord::toList).toList();
		}
	}

}
