package fr.maillage.observatory;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Territory coverage (issue 7): per département, the communes and the population that no
 * active structure serves, the population per structure and the share of structures in
 * rural areas; and the same for France. Always current: computed from the registry on
 * each call (about 35 ms at national size), nothing is stored.
 */
@Service
class Coverage {

	/** No limit on a list of communes. */
	static final int ALL = Integer.MAX_VALUE;

	private final CoverageRepository repository;

	Coverage(CoverageRepository repository) {
		this.repository = repository;
	}

	/** Every département's figures, by code. */
	List<CoverageFigures> departements() {
		return this.repository.departements();
	}

	/** One département's figures; empty for an unknown code. */
	Optional<CoverageFigures> departement(String code) {
		return this.repository.departement(code);
	}

	/**
	 * The unserved communes of a département, the most populated first, at most
	 * {@code limit} ({@link #ALL} for all).
	 */
	List<CoverageCommune> unservedCommunes(String departement, int limit) {
		return this.repository.unservedCommunes(departement, limit);
	}

	/** France's figures: the sum of its départements'. */
	static CoverageFigures national(List<CoverageFigures> departements) {
		return departements.stream().reduce(CoverageFigures.zero(), CoverageFigures::plus);
	}

}
