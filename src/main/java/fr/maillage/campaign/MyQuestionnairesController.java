package fr.maillage.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.account.AccessPolicy;
import fr.maillage.account.StructureContacts;
import fr.maillage.shared.security.Permission;
import fr.maillage.structure.Structure;
import fr.maillage.structure.StructureApi;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "Mes questionnaires": for each structure the person answers for, what is still to do in
 * the opened campaigns (the deadline at the structure's own time, the status, a link, and
 * whom to ask at the Caf), then all its responses. Responses are created when a campaign
 * is opened, not here.
 */
@Controller
class MyQuestionnairesController {

	private final ResponseRepository responses;

	private final StructureApi structures;

	private final StructureContacts contacts;

	private final AccessPolicy policy;

	private final Clock clock;

	MyQuestionnairesController(ResponseRepository responses, StructureApi structures, StructureContacts contacts,
			AccessPolicy policy, Clock clock) {
		this.responses = responses;
		this.structures = structures;
		this.contacts = contacts;
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * A structure, what it still has to answer, its responses (the latest campaign first)
	 * and its Caf advisors.
	 */
	public record StructureResponses(Structure structure, List<ToDo> toDo, List<Line> responses,
			List<StructureContacts.Contact> advisors) {
	}

	/** One response still to answer, with its deadline and whether it has passed. */
	public record ToDo(long id, int dataYear, ResponseStatus status, String deadline, boolean extended,
			boolean closed) {
	}

	/** One response in the list. */
	public record Line(long id, int dataYear, ResponseStatus status) {
	}

	@GetMapping("/reponses")
	String list(Model model) {
		Instant now = this.clock.instant();
		Map<String, List<StructureContacts.Contact>> advisors = new HashMap<>();
		List<StructureResponses> shown = new ArrayList<>();
		for (Structure structure : this.structures.findAll(this.policy.scopeFor(Permission.ANSWER_QUESTIONNAIRE))) {
			String departement = structure.departementCode();
			List<ToDo> toDo = new ArrayList<>();
			for (ResponseRepository.ToDo item : this.responses.toDo(structure.id())) {
				LocalDate extended = item.extendedUntil();
				Instant deadline = Deadlines.deadline(item.closesOn(), extended, departement);
				boolean closed = now.isAfter(deadline) && item.status() != ResponseStatus.RETURNED;
				toDo.add(new ToDo(item.id(), item.dataYear(), item.status(), Deadlines.text(deadline, departement),
						extended != null, closed));
			}
			List<Line> lines = this.responses.ofStructure(structure.id())
				.stream()
				.map(listed -> new Line(listed.id(), listed.dataYear(), listed.status()))
				.toList();
			shown.add(new StructureResponses(structure, toDo, lines,
					advisors.computeIfAbsent(departement, this.contacts::advisorsOf)));
		}
		model.addAttribute("structures", shown);
		return "campaign/my-questionnaires";
	}

}
