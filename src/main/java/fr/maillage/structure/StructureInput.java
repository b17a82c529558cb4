package fr.maillage.structure;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import fr.maillage.territory.Commune;

/**
 * Reads the values people type (in the edit form or a cell of an import file) into
 * {@link StructureFields}, with one French message per field that is wrong. The form and
 * the import share these rules, so a value the form refuses is refused by the import too.
 * Fields absent from the input keep the base record's values: an import file may carry
 * only some columns.
 */
final class StructureInput {

	static final int MAX_NAME = 150;

	static final int MAX_TEXT = 2000;

	static final int MAX_AXIS = 200;

	static final int MAX_AXES = 5;

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{9,15}");

	private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	/** A message for one field: its key in the bundle and arguments. */
	record Problem(StructureField field, String key, List<Object> arguments) {
	}

	/** The values read, or the problems found (then {@code fields} is null). */
	record Result(StructureFields fields, List<Problem> problems) {

		boolean valid() {
			return this.problems.isEmpty();
		}

		Map<String, Problem> byParameter() {
			Map<String, Problem> map = new LinkedHashMap<>();
			this.problems.forEach(problem -> map.putIfAbsent(problem.field().parameter(), problem));
			return map;
		}

	}

	private final Function<String, Optional<Commune>> communes;

	private final LocalDate today;

	StructureInput(Function<String, Optional<Commune>> communes, LocalDate today) {
		this.communes = communes;
		this.today = today;
	}

	/**
	 * Reads {@code raw} (field → typed text; a field absent from the map keeps its value
	 * in {@code base}).
	 */
	Result read(Map<StructureField, String> raw, StructureFields base) {
		Reader reader = new Reader(raw);
		String name = reader.text(StructureField.NAME, base.name(), MAX_NAME);
		StructureKind kind = reader.choice(StructureField.KIND, base.kind(), StructureInput::kind);
		String address = reader.text(StructureField.ADDRESS, base.address(), 300);
		String communeCode = reader.present(StructureField.COMMUNE) ? reader.commune() : base.communeCode();
		String postalCode = reader.postalCode(base.postalCode(), communeCode);
		BigDecimal latitude = reader.coordinate(StructureField.LATITUDE, base.latitude(), 90);
		BigDecimal longitude = reader.coordinate(StructureField.LONGITUDE, base.longitude(), 180);
		if ((latitude == null) != (longitude == null) && reader.fine(StructureField.LATITUDE)
				&& reader.fine(StructureField.LONGITUDE)) {
			reader.problem((latitude == null) ? StructureField.LATITUDE : StructureField.LONGITUDE,
					"structure.error.coordinates-pair");
		}
		String email = reader.email(base.email());
		String phone = reader.phone(base.phone());
		String website = reader.website(base.website());
		String siret = reader.siret(base.siret());
		LocalDate firstApproval = reader.date(StructureField.FIRST_APPROVAL_ON, base.firstApprovalOn());
		Integer population = reader.integer(StructureField.AREA_POPULATION, base.areaPopulation());
		String history = reader.text(StructureField.HISTORY, base.history(), MAX_TEXT);
		List<String> axes = reader.axes(base.projectAxes());
		ManagementMode mode = reader.choice(StructureField.MANAGEMENT_MODE, base.managementMode(),
				StructureInput::managementMode);
		TerritoryType territoryType = reader.choice(StructureField.TERRITORY_TYPE, base.territoryTypeOverride(),
				StructureInput::territoryType);
		if (territoryType != null && communeCode != null && sameAsCommune(territoryType, communeCode)) {
			// The same as its commune's class: not a correction, so it follows the
			// commune.
			territoryType = null;
		}
		boolean nearQpv = reader.yesNo(StructureField.NEAR_QPV, base.nearQpv());
		boolean federation = reader.yesNo(StructureField.FEDERATION_MEMBER, base.federationMember());
		boolean travellers = reader.yesNo(StructureField.TRAVELLERS_PUBLIC, base.travellersPublic());
		boolean multiSite = reader.yesNo(StructureField.MULTI_SITE, base.multiSite());
		boolean itinerant = reader.yesNo(StructureField.ITINERANT, base.itinerant());
		StructureStatus status = reader.choice(StructureField.STATUS, base.status(), StructureInput::status);
		List<String> served = reader.servedCommunes(base.servedCommunes());
		if (name == null && reader.fine(StructureField.NAME)) {
			reader.problem(StructureField.NAME, "structure.error.required");
		}
		else if (name != null && name.length() < 3) {
			reader.problem(StructureField.NAME, "structure.error.name-short");
		}
		if (kind == null && reader.fine(StructureField.KIND)) {
			reader.problem(StructureField.KIND, "structure.error.required");
		}
		if (communeCode == null && reader.fine(StructureField.COMMUNE)) {
			reader.problem(StructureField.COMMUNE, "structure.error.required");
		}
		if (status == null && reader.fine(StructureField.STATUS)) {
			reader.problem(StructureField.STATUS, "structure.error.required");
		}
		if (!reader.problems.isEmpty()) {
			return new Result(null, List.copyOf(reader.problems));
		}
		return new Result(new StructureFields(name, kind, address, postalCode, communeCode, latitude, longitude, email,
				phone, website, siret, firstApproval, population, history, axes, mode, territoryType, nearQpv,
				federation, travellers, multiSite, itinerant, status, served), List.of());
	}

	private boolean sameAsCommune(TerritoryType type, String communeCode) {
		return this.communes.apply(communeCode).map(commune -> TerritoryType.of(commune.urban()) == type).orElse(false);
	}

	private final class Reader {

		private final Map<StructureField, String> raw;

		private final List<Problem> problems = new ArrayList<>();

		private final Map<StructureField, Boolean> wrong = new EnumMap<>(StructureField.class);

		Reader(Map<StructureField, String> raw) {
			this.raw = raw;
		}

		boolean present(StructureField field) {
			return this.raw.containsKey(field);
		}

		boolean fine(StructureField field) {
			return !this.wrong.containsKey(field);
		}

		void problem(StructureField field, String key, Object... arguments) {
			this.wrong.put(field, true);
			this.problems.add(new Problem(field, key, Arrays.asList(arguments)));
		}

		/** The stripped value, {@code null} if blank. */
		private String value(StructureField field) {
			String value = this.raw.get(field);
			if (value == null) {
				return null;
			}
			String stripped = value.replace('\u00A0', ' ').strip();
			return stripped.isEmpty() ? null : stripped;
		}

		String text(StructureField field, String base, int max) {
			if (!present(field)) {
				return base;
			}
			String value = value(field);
			if (value != null && value.length() > max) {
				problem(field, "structure.error.too-long", max);
				return null;
			}
			return value;
		}

		<T> T choice(StructureField field, T base, Function<String, T> parse) {
			if (!present(field)) {
				return base;
			}
			String value = value(field);
			if (value == null) {
				return null;
			}
			T parsed = parse.apply(simplified(value));
			if (parsed == null) {
				problem(field, "structure.error.choice", value);
			}
			return parsed;
		}

		String commune() {
			String value = value(StructureField.COMMUNE);
			if (value == null) {
				return null;
			}
			String code = value.toUpperCase(Locale.ROOT);
			if (code.length() == 4 && code.chars().allMatch(Character::isDigit)) {
				// Excel drops the leading zero of Ain, Aisne… codes.
				code = "0" + code;
			}
			if (StructureInput.this.communes.apply(code).isEmpty()) {
				problem(StructureField.COMMUNE, "structure.error.commune", value);
				return null;
			}
			return code;
		}

		String postalCode(String base, String communeCode) {
			if (!present(StructureField.POSTAL_CODE) && !present(StructureField.COMMUNE)) {
				return base;
			}
			String value = present(StructureField.POSTAL_CODE) ? value(StructureField.POSTAL_CODE) : base;
			if (value == null) {
				return null;
			}
			if (value.length() == 4 && value.chars().allMatch(Character::isDigit)) {
				value = "0" + value;
			}
			if (!value.matches("[0-9]{5}")) {
				problem(StructureField.POSTAL_CODE, "structure.error.postal-code", value);
				return null;
			}
			Optional<Commune> commune = (communeCode != null) ? StructureInput.this.communes.apply(communeCode)
					: Optional.empty();
			if (commune.isPresent() && !commune.get().postalCodes().isEmpty()
					&& !commune.get().postalCodes().contains(value)) {
				problem(StructureField.POSTAL_CODE, "structure.error.postal-code-commune", value, commune.get().name(),
						String.join(", ", commune.get().postalCodes()));
				return null;
			}
			return value;
		}

		BigDecimal coordinate(StructureField field, BigDecimal base, int limit) {
			if (!present(field)) {
				return base;
			}
			String value = value(field);
			if (value == null) {
				return null;
			}
			try {
				BigDecimal number = new BigDecimal(value.replace(',', '.'));
				if (number.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
					problem(field, "structure.error.coordinate-range", value, limit);
					return null;
				}
				return number;
			}
			catch (NumberFormatException ex) {
				problem(field, "structure.error.number", value);
				return null;
			}
		}

		String email(String base) {
			if (!present(StructureField.EMAIL)) {
				return base;
			}
			String value = value(StructureField.EMAIL);
			if (value == null) {
				return null;
			}
			String email = value.toLowerCase(Locale.ROOT);
			if (email.length() > 254 || !EMAIL.matcher(email).matches() || !deliverable(email)) {
				problem(StructureField.EMAIL, "structure.error.email", value);
				return null;
			}
			return email;
		}

		String phone(String base) {
			if (!present(StructureField.PHONE)) {
				return base;
			}
			String value = value(StructureField.PHONE);
			if (value == null) {
				return null;
			}
			String digits = value.replaceAll("[\\s.\\-()\\u202F]", "");
			if (!PHONE.matcher(digits).matches()) {
				problem(StructureField.PHONE, "structure.error.phone", value);
				return null;
			}
			return value;
		}

		String website(String base) {
			if (!present(StructureField.WEBSITE)) {
				return base;
			}
			String value = value(StructureField.WEBSITE);
			if (value == null) {
				return null;
			}
			String url = value.matches("(?i)https?://.*") ? value : "https://" + value;
			try {
				URI uri = new URI(url);
				if (uri.getHost() == null || !uri.getHost().contains(".") || url.length() > 2083) {
					throw new URISyntaxException(url, "no host");
				}
				return url;
			}
			catch (URISyntaxException ex) {
				problem(StructureField.WEBSITE, "structure.error.website", value);
				return null;
			}
		}

		String siret(String base) {
			if (!present(StructureField.SIRET)) {
				return base;
			}
			String value = value(StructureField.SIRET);
			if (value == null) {
				return null;
			}
			String siret = Siret.normalize(value);
			if (!siret.matches("[0-9]{14}")) {
				problem(StructureField.SIRET, "structure.error.siret-format", value);
				return null;
			}
			if (!Siret.isValid(siret)) {
				problem(StructureField.SIRET, "structure.error.siret-check", value);
				return null;
			}
			return siret;
		}

		LocalDate date(StructureField field, LocalDate base) {
			if (!present(field)) {
				return base;
			}
			String value = value(field);
			if (value == null) {
				return null;
			}
			Optional<LocalDate> date = parseDate(value);
			if (date.isEmpty()) {
				problem(field, "structure.error.date", value);
				return null;
			}
			if (date.get().isAfter(StructureInput.this.today)) {
				problem(field, "structure.error.date-future", value);
				return null;
			}
			return date.get();
		}

		Integer integer(StructureField field, Integer base) {
			if (!present(field)) {
				return base;
			}
			String value = value(field);
			if (value == null) {
				return null;
			}
			String digits = value.replaceAll("[\\s\\u202F]", "");
			if (!digits.matches("[0-9]{1,9}")) {
				problem(field, "structure.error.integer", value);
				return null;
			}
			return Integer.valueOf(digits);
		}

		List<String> axes(List<String> base) {
			if (!present(StructureField.PROJECT_AXES)) {
				return base;
			}
			String value = value(StructureField.PROJECT_AXES);
			if (value == null) {
				return List.of();
			}
			List<String> axes = Arrays.stream(value.split("[|\\n]"))
				.map(String::strip)
				.filter(a -> !a.isEmpty())
				.toList();
			if (axes.size() > MAX_AXES) {
				problem(StructureField.PROJECT_AXES, "structure.error.axes-count", MAX_AXES, axes.size());
				return null;
			}
			if (axes.stream().anyMatch(axis -> axis.length() > MAX_AXIS)) {
				problem(StructureField.PROJECT_AXES, "structure.error.axis-long", MAX_AXIS);
				return null;
			}
			return axes;
		}

		boolean yesNo(StructureField field, boolean base) {
			if (!present(field)) {
				return base;
			}
			String value = value(field);
			if (value == null) {
				return false;
			}
			switch (simplified(value)) {
				case "oui", "o", "x", "1", "true", "vrai", "yes", "on" -> {
					return true;
				}
				case "non", "n", "0", "false", "faux", "no", "off" -> {
					return false;
				}
				default -> {
					problem(field, "structure.error.yes-no", value);
					return false;
				}
			}
		}

		List<String> servedCommunes(List<String> base) {
			if (!present(StructureField.SERVED_COMMUNES)) {
				return base;
			}
			String value = value(StructureField.SERVED_COMMUNES);
			if (value == null) {
				return List.of();
			}
			List<String> codes = new ArrayList<>();
			List<String> unknown = new ArrayList<>();
			for (String code : value.toUpperCase(Locale.ROOT).split("[|,;\\s]+")) {
				if (code.isEmpty()) {
					continue;
				}
				String padded = (code.length() == 4 && code.chars().allMatch(Character::isDigit)) ? "0" + code : code;
				if (StructureInput.this.communes.apply(padded).isPresent()) {
					codes.add(padded);
				}
				else {
					unknown.add(code);
				}
			}
			if (!unknown.isEmpty()) {
				problem(StructureField.SERVED_COMMUNES, "structure.error.served-communes", String.join(", ", unknown));
				return null;
			}
			return codes;
		}

	}

	/**
	 * The outbox's own rule (RFC 822, strict): an address it would refuse is refused
	 * here.
	 */
	private static boolean deliverable(String email) {
		try {
			new jakarta.mail.internet.InternetAddress(email, true).validate();
			return true;
		}
		catch (jakarta.mail.internet.AddressException ex) {
			return false;
		}
	}

	static Optional<LocalDate> parseDate(String value) {
		for (DateTimeFormatter format : List.of(FRENCH_DATE, DateTimeFormatter.ISO_LOCAL_DATE)) {
			try {
				return Optional.of(LocalDate.parse(value.strip(), format));
			}
			catch (DateTimeParseException ex) {
				// try the next format
			}
		}
		return Optional.empty();
	}

	/** Lower case, without accents or spaces at the ends: "Fermée " → "fermee". */
	static String simplified(String value) {
		return Normalizer.normalize(value.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replace('’', '\'');
	}

	static StructureKind kind(String value) {
		return switch (value) {
			case "cs", "centre social" -> StructureKind.CS;
			case "evs", "espace de vie sociale" -> StructureKind.EVS;
			default -> null;
		};
	}

	static ManagementMode managementMode(String value) {
		return switch (value) {
			case "association", "associative", "gestion associative" -> ManagementMode.ASSOCIATION;
			case "commune", "commune ou ccas", "ccas", "municipale" -> ManagementMode.COMMUNE;
			case "caf" -> ManagementMode.CAF;
			case "co_management", "cogestion", "co-gestion" -> ManagementMode.CO_MANAGEMENT;
			case "other", "autre" -> ManagementMode.OTHER;
			default -> null;
		};
	}

	static TerritoryType territoryType(String value) {
		return switch (value) {
			case "urban", "urbain" -> TerritoryType.URBAN;
			case "rural" -> TerritoryType.RURAL;
			default -> null;
		};
	}

	static StructureStatus status(String value) {
		return switch (value) {
			case "active", "ouverte", "ouvert", "actif" -> StructureStatus.ACTIVE;
			case "closed", "fermee", "ferme" -> StructureStatus.CLOSED;
			default -> null;
		};
	}

}
