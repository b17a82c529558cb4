package fr.maillage.territory;

import java.util.List;

import fr.maillage.shared.web.NotFoundException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public JSON API of the official geography (no sign-in needed). */
@RestController
@RequestMapping("/api/v1/territories")
class TerritoryApiController {

	private final TerritoryApi territories;

	TerritoryApiController(TerritoryApi territories) {
		this.territories = territories;
	}

	@GetMapping("/regions")
	List<Region> regions() {
		return this.territories.regions();
	}

	@GetMapping("/departements")
	List<Departement> departements() {
		return this.territories.departements();
	}

	@GetMapping("/departements/{code}")
	DepartementDetail departement(@PathVariable String code) {
		Departement departement = this.territories.departement(code).orElseThrow(() -> unknownDepartement(code));
		String regionName = this.territories.regions()
			.stream()
			.filter(region -> region.code().equals(departement.regionCode()))
			.map(Region::name)
			.findFirst()
			.orElseThrow();
		return new DepartementDetail(departement.code(), departement.name(), departement.regionCode(), regionName,
				this.territories.communesOf(code).size());
	}

	@GetMapping("/communes")
	List<Commune> communes(@RequestParam String departement) {
		this.territories.departement(departement).orElseThrow(() -> unknownDepartement(departement));
		return this.territories.communesOf(departement);
	}

	private static NotFoundException unknownDepartement(String code) {
		return new NotFoundException("territory.departement.unknown", code);
	}

	record DepartementDetail(String code, String name, String regionCode, String regionName, int communeCount) {
	}

}
