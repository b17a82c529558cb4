package fr.maillage.structure;

import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.maillage.structure.DirectoryRepository.DepartementCount;
import fr.maillage.territory.Departement;
import fr.maillage.territory.TerritoryApi;

import org.springframework.stereotype.Service;

/**
 * The public directory, for anyone without signing in: active structures by words and
 * filters, a structure's public record with its current approval, and how many structures
 * each département has. The page and the JSON API both read through here.
 */
@Service
class PublicDirectory {

	private final DirectoryRepository directory;

	private final RegistryRepository registry;

	private final TerritoryApi territories;

	private final Clock clock;

	PublicDirectory(DirectoryRepository directory, RegistryRepository registry, TerritoryApi territories, Clock clock) {
		this.directory = directory;
		this.registry = registry;
		this.territories = territories;
		this.clock = clock;
	}

	/** Page {@code number} (from 1) of the active structures matching {@code filter}. */
	DirectoryPage search(DirectoryFilter filter, int number, int size) {
		long total = this.directory.countActive(filter);
		long offset = (long) (number - 1) * size;
		List<StructureRecord> items = (offset < total) ? this.directory.searchActive(filter, offset, size) : List.of();
		return new DirectoryPage(items, total, number, size);
	}

	/** A structure's public record, active or closed. */
	Optional<StructureRecord> find(long id) {
		return this.registry.findPublic(id);
	}

	Optional<CurrentApproval> currentApproval(long id) {
		return Optional.ofNullable(this.directory.findCurrentApprovals(List.of(id)).get(id));
	}

	/** The names of the communes a structure serves besides its own, in French order. */
	List<String> servedCommuneNames(StructureRecord record) {
		Collator french = Collator.getInstance(Locale.FRENCH);
		return this.directory.findCommuneNames(record.servedCommunes()).values().stream().sorted(french).toList();
	}

	/** These structures as the API shows them, with two reads for all of them. */
	List<PublicStructure> publicStructures(Collection<StructureRecord> records) {
		Map<Long, CurrentApproval> approvals = this.directory
			.findCurrentApprovals(records.stream().map(StructureRecord::id).toList());
		Map<String, String> communes = this.directory.findCommuneNames(
				records.stream().flatMap(record -> record.servedCommunes().stream()).collect(Collectors.toSet()));
		return records.stream()
			.map(record -> PublicStructure.of(record, approvals.get(record.id()), communes))
			.toList();
	}

	/** The 101 départements, by code. */
	List<Departement> departements() {
		return this.territories.departements();
	}

	boolean knownDepartement(String code) {
		return this.territories.departement(code).isPresent();
	}

	String departementName(String code) {
		return this.territories.departement(code).map(Departement::name).orElse(code);
	}

	/** Each of {@code departements} with its number of active structures (maybe none). */
	List<DepartementStructures> countsByDepartement(List<Departement> departements) {
		Map<String, DepartementCount> counts = this.directory.countActiveByDepartement()
			.stream()
			.collect(Collectors.toMap(DepartementCount::departementCode, Function.identity()));
		return departements.stream().map(departement -> {
			DepartementCount count = counts.get(departement.code());
			return new DepartementStructures(departement, (count != null) ? count.centresSociaux() : 0,
					(count != null) ? count.espacesDeVieSociale() : 0);
		}).toList();
	}

	/** The number of active structures per département code, for the map. */
	static Map<String, Long> totals(List<DepartementStructures> counts) {
		Map<String, Long> totals = new LinkedHashMap<>();
		counts.forEach(count -> totals.put(count.departement().code(), count.total()));
		return totals;
	}

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/** A département's active centres sociaux and espaces de vie sociale. */
	record DepartementStructures(Departement departement, long centresSociaux, long espacesDeVieSociale) {

		public long total() {
			return this.centresSociaux + this.espacesDeVieSociale;
		}

	}

}
