package fr.maillage.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import fr.maillage.account.AccessPolicy;
import fr.maillage.shared.security.Permission;
import fr.maillage.structure.Structure;
import fr.maillage.structure.StructureApi;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "Mes questionnaires": for each structure the person answers for, its response to each
 * open campaign (created, not started, on first sight) and its earlier responses.
 */
@Controller
class MyQuestionnairesController {

	private final Campaigns campaigns;

	private final ResponseRepository responses;

	private final StructureApi structures;

	private final AccessPolicy policy;

	private final Clock clock;

	MyQuestionnairesController(Campaigns campaigns, ResponseRepository responses, StructureApi structures,
			AccessPolicy policy, Clock clock) {
		this.campaigns = campaigns;
		this.responses = responses;
		this.structures = structures;
		this.policy = policy;
		this.clock = clock;
	}

	/** A structure and its responses, the latest campaign first. */
	public record StructureResponses(Structure structure, List<Line> responses) {
	}

	/** One response in the list; {@code closesOn} is set while its campaign is open. */
	public record Line(long id, int dataYear, ResponseStatus status, LocalDate closesOn) {
	}

	@GetMapping("/reponses")
	String list(Model model) {
		LocalDate today = LocalDate.now(this.clock.withZone(java.time.ZoneId.of("Europe/Paris")));
		List<Campaign> open = this.campaigns.openOn(today);
		List<StructureResponses> shown = new ArrayList<>();
		for (Structure structure : this.structures.findAll(this.policy.scopeFor(Permission.ANSWER_QUESTIONNAIRE))) {
			for (Campaign campaign : open) {
				this.campaigns.responseFor(campaign.id(), structure.id());
			}
			List<Line> lines = this.responses.ofStructure(structure.id())
				.stream()
				.map(listed -> new Line(listed.id(), listed.dataYear(), listed.status(),
						open.stream()
							.filter(campaign -> campaign.id() == listed.campaignId())
							.map(Campaign::closesOn)
							.findFirst()
							.orElse(null)))
				.toList();
			shown.add(new StructureResponses(structure, lines));
		}
		model.addAttribute("structures", shown);
		return "campaign/my-questionnaires";
	}

}
