package fr.maillage.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

import fr.maillage.shared.demo.DemoContext;
import fr.maillage.shared.demo.DemoDataStep;
import fr.maillage.territory.Commune;
import fr.maillage.territory.Departement;
import fr.maillage.territory.TerritoryApi;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fictional structures in plausible numbers: about 2,380 centres sociaux and 1,690
 * espaces de vie sociale nationally (domain.md), spread over départements by population,
 * centres sociaux mostly in urban communes and EVS mostly in rural ones. The registry
 * work adds their identity records and approvals.
 */
@Component
class DemoStructures implements DemoDataStep {

	/** Structures per inhabitant: 4,070 for about 68 million people. */
	static final double STRUCTURES_PER_INHABITANT = 4_070 / 68_000_000.0;

	private static final List<String> CS_NAMES = List.of("Les Tilleuls", "La Passerelle", "Le Lien", "L’Escale",
			"Les Quatre Vents", "La Maison pour tous", "Le Trait d’union", "La Ruche", "Les Horizons", "Le Phare",
			"Les Acacias", "La Fontaine", "Le Kiosque", "Les Cerisiers", "La Clé des champs", "L’Olivier",
			"Les Platanes", "Le Moulin", "La Source", "Les Glycines");

	private static final List<String> EVS_NAMES = List.of("La Grange", "L’Atelier partagé", "Le Café des habitants",
			"La Petite Maison", "Le Relais", "Les Jardins partagés", "L’Arbre à palabres", "La Cabane",
			"Le Fil d’Ariane", "La Courte Échelle");

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final TerritoryApi territories;

	DemoStructures(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TerritoryApi territories) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.territories = territories;
	}

	@Override
	public String name() {
		return "structure.demo-structures";
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public boolean hasData() {
		return this.jdbc.sql("select exists (select 1 from structure)").query(Boolean.class).single();
	}

	@Override
	public int load(DemoContext context) {
		RandomGenerator random = context.randomFor(name());
		List<Object[]> rows = new ArrayList<>();
		for (Departement departement : this.territories.departements()) {
			if (!context.size().covers(departement.code())) {
				continue;
			}
			List<Commune> communes = this.territories.communesOf(departement.code());
			long population = communes.stream().mapToLong(c -> (c.population() != null) ? c.population() : 0).sum();
			int count = Math.max(2, (int) Math.round(population * STRUCTURES_PER_INHABITANT));
			WeightedCommunes urban = new WeightedCommunes(communes.stream().filter(Commune::urban).toList());
			WeightedCommunes rural = new WeightedCommunes(communes.stream().filter(c -> !c.urban()).toList());
			for (int i = 0; i < count; i++) {
				boolean centreSocial = random.nextDouble() < 0.585;
				// 79 % of centres sociaux are urban (2016); EVS are mostly rural.
				boolean inUrban = random.nextDouble() < (centreSocial ? 0.79 : 0.35);
				WeightedCommunes pool = (inUrban && !urban.isEmpty()) || rural.isEmpty() ? urban : rural;
				Commune commune = pool.pick(random);
				List<String> names = centreSocial ? CS_NAMES : EVS_NAMES;
				String name = (centreSocial ? "Centre social " : "Espace de vie sociale ")
						+ names.get(random.nextInt(names.size())) + " – " + commune.name();
				rows.add(new Object[] { name, centreSocial ? "CS" : "EVS", commune.code() });
			}
		}
		this.jdbcTemplate.batchUpdate("insert into structure (name, kind, commune_code) values (?, ?, ?)", rows);
		return rows.size();
	}

	/** Communes drawn with a probability proportional to their population. */
	private static final class WeightedCommunes {

		private final TreeMap<Long, Commune> byCumulatedPopulation = new TreeMap<>();

		private long total;

		WeightedCommunes(List<Commune> communes) {
			for (Commune commune : communes) {
				long weight = Math.max(1, (commune.population() != null) ? commune.population() : 0);
				this.total += weight;
				this.byCumulatedPopulation.put(this.total, commune);
			}
		}

		boolean isEmpty() {
			return this.total == 0;
		}

		Commune pick(RandomGenerator random) {
			Map.Entry<Long, Commune> entry = this.byCumulatedPopulation.ceilingEntry(random.nextLong(this.total) + 1);
			return entry.getValue();
		}

	}

}
