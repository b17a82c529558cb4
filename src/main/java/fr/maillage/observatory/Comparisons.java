package fr.maillage.observatory;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.maillage.territory.Commune;
import fr.maillage.territory.Departement;
import fr.maillage.territory.TerritoryApi;

import org.springframework.stereotype.Service;

/**
 * "Territories like mine": what a commune or a département is compared with. A commune is
 * compared with its similar-territory group (same urban / rural class and population
 * band, nationwide), its département and the nation. A département is compared with the
 * three départements whose share of population living in rural communes is closest to its
 * own, and with the nation.
 */
@Service
public class Comparisons {

	/** The most territories a comparison shows side by side. */
	public static final int MAX = 4;

	private final TerritoryApi territories;

	private volatile Map<String, BigDecimal> ruralShares;

	Comparisons(TerritoryApi territories) {
		this.territories = territories;
	}

	/** What a commune is compared with; empty for an unknown commune. */
	public Optional<List<TerritoryRef>> likeCommune(String code) {
		return this.territories.commune(code)
			.map(commune -> List.of(TerritoryRef.similar(commune.populationBand()),
					TerritoryRef.departement(commune.departementCode()), TerritoryRef.NATION));
	}

	/** What a département is compared with; empty for an unknown département. */
	public Optional<List<TerritoryRef>> likeDepartement(String code) {
		Map<String, BigDecimal> shares = ruralShares();
		BigDecimal own = shares.get(code);
		if (own == null) {
			return Optional.empty();
		}
		List<TerritoryRef> like = new ArrayList<>();
		like.add(TerritoryRef.departement(code));
		shares.entrySet()
			.stream()
			.filter(entry -> !entry.getKey().equals(code))
			.sorted(Comparator.comparing((Map.Entry<String, BigDecimal> entry) -> entry.getValue().subtract(own).abs())
				.thenComparing(Map.Entry::getKey))
			.limit(MAX - 2)
			.forEach(entry -> like.add(TerritoryRef.departement(entry.getKey())));
		like.add(TerritoryRef.NATION);
		return Optional.of(List.copyOf(like));
	}

	private Map<String, BigDecimal> ruralShares() {
		Map<String, BigDecimal> shares = this.ruralShares;
		if (shares == null) {
			shares = new LinkedHashMap<>();
			for (Departement departement : this.territories.departements()) {
				long total = 0;
				long rural = 0;
				for (Commune commune : this.territories.communesOf(departement.code())) {
					int population = (commune.population() != null) ? commune.population() : 0;
					total += population;
					if (!commune.urban()) {
						rural += population;
					}
				}
				if (total > 0) {
					shares.put(departement.code(),
							BigDecimal.valueOf(rural * 100)
								.divide(BigDecimal.valueOf(total), MathContext.DECIMAL64)
								.setScale(1, java.math.RoundingMode.HALF_UP));
				}
			}
			this.ruralShares = shares;
		}
		return shares;
	}

}
