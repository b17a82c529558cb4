package fr.maillage.structure;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Structures of our own for the directory's tests, in Corsica, where the small demo data
 * set has none: one with every field filled (and values that test the exports: a name
 * ending with a dot, accents, quotes, commas and line breaks), one with only what is
 * required, a closed one, and one whose name, e-mail and website the data·inclusion
 * schema would refuse as they are.
 */
public final class DirectoryFixtures {

	/** The ids of the structures inserted. */
	public record Corsica(long etoile, long amandiers, long moulin, long ab) {

		public List<Long> all() {
			return List.of(this.etoile, this.amandiers, this.moulin, this.ab);
		}

	}

	/** The full name of the complete one, as stored. */
	public static final String ETOILE = "Centre social L’Étoile du Maquis.";

	private DirectoryFixtures() {
	}

	public static Corsica insert(JdbcClient jdbc) {
		long etoile = insert(jdbc,
				"""
						insert into structure (name, kind, commune_code, address, postal_code, latitude, longitude, email, phone,
						                       website, siret, first_approval_on, area_population, history, project_axes,
						                       management_mode, near_qpv, federation_member, travellers_public, multi_site,
						                       itinerant, status, created_at, updated_at)
						values (:name, 'CS', '2A004', '12, avenue Noël-Franchini', '20090', 41.926700, 8.736900,
						        'contact@etoile-du-maquis.fr', '04 95 20 30 40', 'https://etoile-du-maquis.fr/accueil',
						        '42100000100006', date '1998-09-01', 25000,
						        'Créé en 1975 par des habitants du quartier des « Cannes », avec la Caf, "pour tous".' || chr(10)
						            || 'Agréé centre social depuis 1998.',
						        array['Parentalité', 'Jeunesse, citoyenneté'], 'ASSOCIATION', true, true, true, false, false,
						        'ACTIVE', timestamptz '2026-10-15 08:00:00+00', timestamptz '2026-10-15 08:00:00+00')
						returning id""",
				ETOILE);
		jdbc.sql("insert into structure_served_commune (structure_id, commune_code) values (?, '2A006'), (?, '2A001')")
			.params(etoile, etoile)
			.update();
		approval(jdbc, etoile, "AG", "2024-01-01", "2027-12-31");
		long amandiers = insert(jdbc, """
				insert into structure (name, kind, commune_code, management_mode, status)
				values (:name, 'EVS', '2B033', 'COMMUNE', 'ACTIVE') returning id""",
				"Espace de vie sociale Les Amandiers");
		approval(jdbc, amandiers, "EVS", "2022-01-01", "2025-12-31");
		long moulin = insert(jdbc, """
				insert into structure (name, kind, commune_code, postal_code, status)
				values (:name, 'CS', '2A247', '20137', 'CLOSED') returning id""", "Centre social de l’Ancien Moulin");
		long ab = insert(jdbc,
				"""
						insert into structure (name, kind, commune_code, email, website, status)
						values (:name, 'EVS', '2A004', 'accueil@sans-domaine', 'www.sans-protocole.fr', 'ACTIVE') returning id""",
				"Ab.");
		return new Corsica(etoile, amandiers, moulin, ab);
	}

	public static void delete(JdbcClient jdbc, Corsica corsica) {
		Long[] ids = corsica.all().toArray(Long[]::new);
		jdbc.sql("delete from approval where structure_id = any(?)").param(ids).update();
		jdbc.sql("delete from structure where id = any(?)").param(ids).update();
	}

	private static long insert(JdbcClient jdbc, String sql, String name) {
		return jdbc.sql(sql).param("name", name).query(Long.class).single();
	}

	private static void approval(JdbcClient jdbc, long structure, String kind, String from, String to) {
		jdbc.sql("""
				insert into approval (structure_id, kind_code, starts_on, ends_on, created_at)
				values (?, ?, cast(? as date), cast(? as date), now())""").params(structure, kind, from, to).update();
	}

}
