package fr.maillage.structure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.maillage.territory.Commune;
import fr.maillage.territory.PopulationBand;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules the edit form and the import share, with two communes of the
 * Pyrénées-Orientales: Perpignan (urban) and a small rural one.
 */
class StructureInputTest {

	static final Commune PERPIGNAN = new Commune("66136", "Perpignan", "66", "76", List.of("66000", "66100"), 120_000,
			true, PopulationBand.values()[PopulationBand.values().length - 1]);

	static final Commune EUS = new Commune("66074", "Eus", "66", "76", List.of("66500"), 400, false,
			PopulationBand.values()[0]);

	final StructureInput input = new StructureInput(
			code -> Optional.ofNullable(Map.of("66136", PERPIGNAN, "66074", EUS).get(code)),
			LocalDate.of(2026, 11, 27));

	static Map<StructureField, String> typed(Object... pairs) {
		Map<StructureField, String> raw = new EnumMap<>(StructureField.class);
		for (int i = 0; i < pairs.length; i += 2) {
			raw.put((StructureField) pairs[i], (String) pairs[i + 1]);
		}
		return raw;
	}

	@Test
	void readsFrenchValuesAsPeopleTypeThem() {
		StructureInput.Result result = this.input.read(
				typed(StructureField.NAME, " Centre social Les Tilleuls ", StructureField.KIND, "Centre social",
						StructureField.COMMUNE, "66136", StructureField.POSTAL_CODE, "66000", StructureField.LATITUDE,
						"42,6986", StructureField.LONGITUDE, "2.8956", StructureField.SIRET, "120 027 016 00357",
						StructureField.FIRST_APPROVAL_ON, "01/01/1998", StructureField.AREA_POPULATION, "12 500",
						StructureField.PROJECT_AXES, "Jeunesse|Parentalité", StructureField.MANAGEMENT_MODE,
						"Commune ou CCAS", StructureField.NEAR_QPV, "Oui", StructureField.STATUS, "Fermée",
						StructureField.WEBSITE, "www.tilleuls.example", StructureField.SERVED_COMMUNES, "66074|66136"),
				StructureFields.blank());
		assertThat(result.problems()).isEmpty();
		StructureFields fields = result.fields();
		assertThat(fields.name()).isEqualTo("Centre social Les Tilleuls");
		assertThat(fields.kind()).isEqualTo(StructureKind.CS);
		assertThat(fields.latitude()).isEqualByComparingTo(new BigDecimal("42.6986"));
		assertThat(fields.siret()).isEqualTo("12002701600357");
		assertThat(fields.firstApprovalOn()).isEqualTo(LocalDate.of(1998, 1, 1));
		assertThat(fields.areaPopulation()).isEqualTo(12_500);
		assertThat(fields.projectAxes()).containsExactly("Jeunesse", "Parentalité");
		assertThat(fields.managementMode()).isEqualTo(ManagementMode.COMMUNE);
		assertThat(fields.nearQpv()).isTrue();
		assertThat(fields.status()).isEqualTo(StructureStatus.CLOSED);
		assertThat(fields.website()).isEqualTo("https://www.tilleuls.example");
		assertThat(fields.servedCommunes()).as("its own commune is not repeated").containsExactly("66074");
	}

	@Test
	void namesEveryWrongFieldWithAFrenchMessage() {
		StructureInput.Result result = this.input.read(
				typed(StructureField.NAME, "", StructureField.KIND, "MJC", StructureField.COMMUNE, "66000",
						StructureField.SIRET, "12002701600358", StructureField.EMAIL, "contact@",
						StructureField.FIRST_APPROVAL_ON, "31/02/2020", StructureField.PROJECT_AXES, "a|b|c|d|e|f",
						StructureField.NEAR_QPV, "peut-être", StructureField.LATITUDE, "42.7"),
				StructureFields.blank());
		assertThat(result.valid()).isFalse();
		assertThat(result.byParameter()).extractingFromEntries(e -> e.getKey() + "=" + e.getValue().key())
			.containsExactlyInAnyOrder("name=structure.error.required", "kind=structure.error.choice",
					"communeCode=structure.error.commune", "siret=structure.error.siret-check",
					"email=structure.error.email", "firstApprovalOn=structure.error.date",
					"projectAxes=structure.error.axes-count", "nearQpv=structure.error.yes-no",
					"longitude=structure.error.coordinates-pair");
	}

	@Test
	void aPostalCodeMustBelongToTheCommune() {
		StructureInput.Result result = this.input.read(typed(StructureField.NAME, "Espace La Grange",
				StructureField.KIND, "EVS", StructureField.COMMUNE, "66074", StructureField.POSTAL_CODE, "66000"),
				StructureFields.blank());
		assertThat(result.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.key()).isEqualTo("structure.error.postal-code-commune");
			assertThat(problem.arguments()).containsExactly("66000", "Eus", "66500");
		});
	}

	@Test
	void aTerritoryTypeEqualToTheCommunesClassIsNoCorrection() {
		Map<StructureField, String> base = typed(StructureField.NAME, "Espace La Grange", StructureField.KIND, "EVS",
				StructureField.COMMUNE, "66074");
		base.put(StructureField.TERRITORY_TYPE, "rural");
		assertThat(this.input.read(base, StructureFields.blank()).fields().territoryTypeOverride()).isNull();
		base.put(StructureField.TERRITORY_TYPE, "Urbain");
		assertThat(this.input.read(base, StructureFields.blank()).fields().territoryTypeOverride())
			.isEqualTo(TerritoryType.URBAN);
	}

	@Test
	void absentFieldsKeepTheirValueAndAnUnchangedRecordIsEqual() {
		StructureFields first = this.input
			.read(typed(StructureField.NAME, "Espace La Grange", StructureField.KIND, "EVS", StructureField.COMMUNE,
					"66074", StructureField.LATITUDE, "42.1", StructureField.LONGITUDE, "2.1"), StructureFields.blank())
			.fields();
		StructureFields again = this.input.read(typed(StructureField.PHONE, ""), first).fields();
		assertThat(again).isEqualTo(first);
		assertThat(StructureFields.changes(first, again)).isEmpty();
		StructureFields renamed = this.input.read(typed(StructureField.NAME, "Espace La Grange d’Eus"), first).fields();
		assertThat(StructureFields.changes(first, renamed)).containsOnlyKeys("name");
	}

}
