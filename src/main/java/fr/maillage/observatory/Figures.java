package fr.maillage.observatory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.maillage.territory.Departement;
import fr.maillage.territory.Region;
import fr.maillage.territory.TerritoryApi;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The published figures, for the pages, the exports and the API: a territory's sheet for
 * a year (its latest final version if it has one, else the live provisional figures), the
 * map of an indicator, the years, and the territories' names. Everything is served from
 * {@link FigureCache}, which a refresh clears.
 */
@Service
public class Figures {

	private final FigureRepository repository;

	private final IndicatorCatalogues catalogues;

	private final FigureCache cache;

	private final TerritoryApi territories;

	private final MessageSource messages;

	private final Clock clock;

	Figures(FigureRepository repository, IndicatorCatalogues catalogues, FigureCache cache, TerritoryApi territories,
			MessageSource messages, Clock clock) {
		this.repository = repository;
		this.catalogues = catalogues;
		this.cache = cache;
		this.territories = territories;
		this.messages = messages;
		this.clock = clock;
	}

	public IndicatorCatalogue catalogue() {
		return this.catalogues.current();
	}

	/** The data years with validated responses, oldest first (never a year not over). */
	public List<Integer> years() {
		return this.cache.get("years", () -> this.repository.years(LocalDate.now(this.clock).getYear() - 1));
	}

	public Optional<Integer> latestYear() {
		List<Integer> years = years();
		return years.isEmpty() ? Optional.empty() : Optional.of(years.getLast());
	}

	/** Whether a territory exists: a known region or département, the nation, a group. */
	public boolean exists(TerritoryRef territory) {
		return switch (territory.level()) {
			case NATION, SIMILAR -> true;
			case REGION ->
				this.territories.regions().stream().anyMatch(region -> region.code().equals(territory.code()));
			case DEPARTEMENT -> this.territories.departement(territory.code()).isPresent();
		};
	}

	/** The figures published for a territory and a year. */
	public FigureSheet sheet(TerritoryRef territory, int year) {
		return this.cache.get("sheet|" + year + "|" + territory.id(), () -> {
			if (year(year).finalTerritories().contains(territory.id())) {
				return finalSheet(territory, this.repository.versions(year, territory.id()).getFirst());
			}
			return live(territory, year);
		});
	}

	/** The live, provisional figures, even when a final version exists. */
	public FigureSheet live(TerritoryRef territory, int year) {
		return this.cache.get("live|" + year + "|" + territory.id(), () -> {
			YearFigures figures = year(year);
			FigureComputation.Quality quality = figures.quality()
				.getOrDefault(territory.id(), new FigureComputation.Quality(0, 0));
			return FigureSheet.of(territory, year, FigureSheet.Status.PROVISIONAL, null, null, quality.target(),
					quality.validated(), figures.live().getOrDefault(territory.id(), List.of()));
		});
	}

	/**
	 * A data year's live figures of every territory, read at once: after the cache is
	 * cleared, the first page reads its year in three queries, and the others find their
	 * territory's sheet already there (a page shows a territory beside its region, the
	 * nation and the 101 départements of its map).
	 */
	private YearFigures year(int year) {
		return this.cache.get("year|" + year, () -> new YearFigures(this.repository.liveYear(year),
				this.repository.qualityYear(year), this.repository.territoriesWithVersions(year)));
	}

	private record YearFigures(Map<String, List<Figure>> live, Map<String, FigureComputation.Quality> quality,
			java.util.Set<String> finalTerritories) {
	}

	/** A final version's heading: its number, date, who marked it and who agreed. */
	public record FinalVersion(int number, Instant markedAt, String markedBy, String agreedBy, String catalogueVersion,
			String note) {
	}

	/** A territory's final versions for a year, newest first. */
	public List<FinalVersion> versions(TerritoryRef territory, int year) {
		return this.repository.versions(year, territory.id())
			.stream()
			.map(version -> new FinalVersion(version.number(), version.markedAt(), version.markedBy(),
					version.agreedBy(), version.catalogueVersion(), version.note()))
			.toList();
	}

	/** One final version's figures, which never change. */
	public Optional<FigureSheet> version(TerritoryRef territory, int year, int number) {
		return this.repository.versions(year, territory.id())
			.stream()
			.filter(version -> version.number() == number)
			.findFirst()
			.map(version -> finalSheet(territory, version));
	}

	private FigureSheet finalSheet(TerritoryRef territory, FigureRepository.Version version) {
		return FigureSheet.of(territory, version.year(), FigureSheet.Status.FINAL, version.number(), version.markedAt(),
				version.target(), version.validated(), this.repository.versionValues(version.id()));
	}

	/** An indicator's figure in every département (for all structures), for a map. */
	public Map<String, Figure> byDepartement(int year, String indicator) {
		Map<String, Figure> figures = new LinkedHashMap<>();
		for (Departement departement : this.territories.departements()) {
			Figure figure = sheet(TerritoryRef.departement(departement.code()), year).get(indicator);
			if (figure != null) {
				figures.put(departement.code(), figure);
			}
		}
		return figures;
	}

	/**
	 * A territory's name in French: "France", "Occitanie", "Pyrénées-Orientales (66)"…
	 */
	public String name(TerritoryRef territory) {
		return switch (territory.level()) {
			case NATION -> this.messages.getMessage("observatory.territory.nation", null, Locale.FRANCE);
			case REGION -> this.territories.regions()
				.stream()
				.filter(region -> region.code().equals(territory.code()))
				.map(Region::name)
				.findFirst()
				.orElse(territory.code());
			case DEPARTEMENT -> this.territories.departement(territory.code())
				.map(departement -> departement.name() + " (" + departement.code() + ")")
				.orElse(territory.code());
			case SIMILAR -> this.messages.getMessage("observatory.similar." + territory.code(), null, Locale.FRANCE);
		};
	}

	/** The region a département belongs to. */
	public Optional<TerritoryRef> regionOf(TerritoryRef departement) {
		return this.territories.departement(departement.code()).map(d -> TerritoryRef.region(d.regionCode()));
	}

}
