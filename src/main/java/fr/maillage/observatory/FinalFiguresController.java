package fr.maillage.observatory;

import fr.maillage.shared.web.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of a territory's page that mark its figures final or record the federation's
 * agreement; {@link FinalFigures} checks who may.
 */
@Controller
class FinalFiguresController {

	static final String MARK = ObservatoryController.PATH + "/definitif";

	static final String AGREE = ObservatoryController.PATH + "/accord";

	private static final int NOTE_MAX = 500;

	private final FinalFigures finalFigures;

	private final Figures figures;

	FinalFiguresController(FinalFigures finalFigures, Figures figures) {
		this.finalFigures = finalFigures;
		this.figures = figures;
	}

	@PostMapping(MARK)
	String mark(@RequestParam("territoire") String territoryId, @RequestParam("annee") int year,
			@RequestParam(name = "note", required = false) String note, RedirectAttributes redirect) {
		TerritoryRef territory = territory(territoryId, year);
		int number = this.finalFigures.markFinal(territory, year, note(note));
		redirect.addFlashAttribute("finalMarked", number);
		return "redirect:" + ObservatoryController.path(territory) + "?annee=" + year;
	}

	@PostMapping(AGREE)
	String agree(@RequestParam("territoire") String territoryId, @RequestParam("annee") int year,
			@RequestParam(name = "note", required = false) String note, RedirectAttributes redirect) {
		TerritoryRef territory = territory(territoryId, year);
		this.finalFigures.agree(territory, year, note(note));
		redirect.addFlashAttribute("agreementRecorded", true);
		return "redirect:" + ObservatoryController.path(territory) + "?annee=" + year;
	}

	private TerritoryRef territory(String id, int year) {
		TerritoryRef territory = TerritoryRef.parse(id)
			.filter(this.figures::exists)
			.filter(found -> found.level() != TerritoryRef.Level.SIMILAR)
			.orElseThrow(() -> new NotFoundException("observatory.not-found"));
		if (this.figures.live(territory, year).target() == 0) {
			throw new NotFoundException("observatory.not-found");
		}
		return territory;
	}

	private static String note(String note) {
		if (note == null || note.isBlank()) {
			return null;
		}
		if (note.length() > NOTE_MAX) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "note too long");
		}
		return note.strip();
	}

}
