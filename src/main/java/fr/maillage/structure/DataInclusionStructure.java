package fr.maillage.structure;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A structure in the data·inclusion schema (version 1, {@code structure.json}): the
 * French interoperability format of social-inclusion structures. Every value satisfies
 * the schema; a value of ours that would not (an e-mail or a website it could not read)
 * is left out rather than published wrong. See docs/adr/0018-open-data-data-inclusion.md.
 */
record DataInclusionStructure(String source, String id, String nom, LocalDate dateMaj, String siret, String adresse,
		String complementAdresse, String codePostal, String codeInsee, String commune, BigDecimal latitude,
		BigDecimal longitude, String telephone, String courriel, String siteWeb, String description,
		String horairesAccueil, String accessibiliteLieu, String lienSource, List<String> reseauxPorteurs) {

	/** Our producer name, and the prefix of our identifiers. */
	static final String SOURCE = "maillage";

	/** The schema's columns, in the order of our CSV file. */
	static final List<Column> COLUMNS = List.of(new Column("source", DataInclusionStructure::source),
			new Column("id", DataInclusionStructure::id), new Column("nom", DataInclusionStructure::nom),
			new Column("date_maj", DataInclusionStructure::dateMaj), new Column("siret", DataInclusionStructure::siret),
			new Column("adresse", DataInclusionStructure::adresse),
			new Column("complement_adresse", DataInclusionStructure::complementAdresse),
			new Column("code_postal", DataInclusionStructure::codePostal),
			new Column("code_insee", DataInclusionStructure::codeInsee),
			new Column("commune", DataInclusionStructure::commune),
			new Column("latitude", DataInclusionStructure::latitude),
			new Column("longitude", DataInclusionStructure::longitude),
			new Column("telephone", DataInclusionStructure::telephone),
			new Column("courriel", DataInclusionStructure::courriel),
			new Column("site_web", DataInclusionStructure::siteWeb),
			new Column("description", DataInclusionStructure::description),
			new Column("horaires_accueil", DataInclusionStructure::horairesAccueil),
			new Column("accessibilite_lieu", DataInclusionStructure::accessibiliteLieu),
			new Column("lien_source", DataInclusionStructure::lienSource),
			new Column("reseaux_porteurs", DataInclusionStructure::reseauxPorteurs));

	static final int MIN_NAME = 3;

	static final int MAX_NAME = 150;

	static final int MIN_DESCRIPTION = 5;

	static final int MAX_DESCRIPTION = 10_000;

	/**
	 * An address the schema's {@code email} format accepts (RFC 5322's dot-atom, ASCII):
	 * narrower than what our forms let in.
	 */
	private static final Pattern EMAIL = Pattern.compile(
			"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+");

	private static final Set<String> RESERVED_DOMAINS = Set.of("example", "invalid", "local", "localhost", "test");

	private static final int MAX_URI = 2083;

	/**
	 * Maps a structure's public record.
	 * @param kindLabel what the structure is, in French (« Centre social »)
	 * @param defaultDescription its description when it has no history of its own
	 * @param axesSentence its project axes as a sentence, {@code null} if it has none
	 * @param publicPage the absolute address of its public page
	 * @param zone where its last change is dated
	 */
	static DataInclusionStructure of(StructureRecord record, String kindLabel, String defaultDescription,
			String axesSentence, String publicPage, ZoneId zone) {
		List<String> networks = new ArrayList<>(List.of("caf"));
		if (record.federationMember()) {
			networks.add("fcsf");
		}
		return new DataInclusionStructure(SOURCE, SOURCE + "--" + record.id(), nom(record.name(), kindLabel),
				LocalDate.ofInstant(record.updatedAt(), zone), record.siret(), blankToNull(record.address()), null,
				record.postalCode(), record.communeCode(), record.communeName(), record.latitude(), record.longitude(),
				blankToNull(record.phone()), courriel(record.email()), uri(record.website()),
				description(record.history(), defaultDescription, axesSentence), null, null, publicPage,
				List.copyOf(networks));
	}

	/**
	 * The name as the schema wants it: 3 to 150 characters, not ending with a dot. A name
	 * too short once its dots are gone says what the structure is first.
	 */
	static String nom(String name, String kindLabel) {
		String nom = withoutFinalDots(name);
		if (nom.length() > MAX_NAME) {
			int end = Character.isHighSurrogate(nom.charAt(MAX_NAME - 1)) ? MAX_NAME - 1 : MAX_NAME;
			nom = withoutFinalDots(nom.substring(0, end));
		}
		if (nom.codePointCount(0, nom.length()) < MIN_NAME) {
			nom = withoutFinalDots(kindLabel + " " + nom);
		}
		return nom;
	}

	/**
	 * The structure's history, or else what it is and where; followed by its project
	 * axes.
	 */
	static String description(String history, String defaultDescription, String axesSentence) {
		String text = blankToNull(history);
		if (text == null || text.codePointCount(0, text.length()) < MIN_DESCRIPTION) {
			text = defaultDescription;
		}
		if (axesSentence != null) {
			text = text + "\n" + axesSentence;
		}
		if (text.length() > MAX_DESCRIPTION) {
			int end = Character.isHighSurrogate(text.charAt(MAX_DESCRIPTION - 1)) ? MAX_DESCRIPTION - 1
					: MAX_DESCRIPTION;
			text = text.substring(0, end);
		}
		return text;
	}

	/**
	 * An address the schema accepts, or {@code null}. Domains reserved for examples and
	 * tests (RFC 2606, RFC 6761), such as the demo data's {@code .example}, never receive
	 * mail: validators refuse them, and so do we.
	 */
	static String courriel(String email) {
		String value = blankToNull(email);
		if (value == null || !EMAIL.matcher(value).matches()) {
			return null;
		}
		String topLevel = value.substring(value.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
		return RESERVED_DOMAINS.contains(topLevel) ? null : value;
	}

	/** An absolute web address, or {@code null}. */
	static String uri(String website) {
		String value = blankToNull(website);
		if (value == null || value.length() > MAX_URI) {
			return null;
		}
		try {
			URI uri = new URI(value);
			boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
			return (web && uri.getHost() != null) ? value : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private static String withoutFinalDots(String text) {
		String result = text.strip();
		while (result.endsWith(".")) {
			result = result.substring(0, result.length() - 1).strip();
		}
		return result;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** A property of the schema and how to read it. */
	record Column(String name, Function<DataInclusionStructure, Object> value) {
	}

}
