package fr.maillage.campaign;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import fr.maillage.account.AccessPolicy;
import fr.maillage.account.PersonalToDo;
import fr.maillage.shared.security.Permission;
import fr.maillage.structure.Structure;
import fr.maillage.structure.StructureApi;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The questionnaires the signed-in person still has to answer, for "Mon espace": one item
 * per response of an opened campaign that still takes answers, before its deadline (or
 * returned for correction), the nearest deadline first.
 */
@Component
class QuestionnairesToDo implements PersonalToDo {

	private final ResponseRepository responses;

	private final StructureApi structures;

	private final AccessPolicy policy;

	private final MessageSource messages;

	private final Clock clock;

	QuestionnairesToDo(ResponseRepository responses, StructureApi structures, AccessPolicy policy,
			MessageSource messages, Clock clock) {
		this.responses = responses;
		this.structures = structures;
		this.policy = policy;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public List<Item> items() {
		Instant now = this.clock.instant();
		record Due(Instant deadline, Item item) {
		}
		List<Due> due = new ArrayList<>();
		for (Structure structure : this.structures.findAll(this.policy.scopeFor(Permission.ANSWER_QUESTIONNAIRE))) {
			for (ResponseRepository.ToDo response : this.responses.toDo(structure.id())) {
				Instant deadline = Deadlines.deadline(response.closesOn(), response.extendedUntil(),
						structure.departementCode());
				if (now.isAfter(deadline) && response.status() != ResponseStatus.RETURNED) {
					continue;
				}
				String title = this.messages.getMessage("lifecycle.space.title",
						new Object[] { structure.name(), response.dataYear() }, Locale.FRENCH);
				String detail = this.messages
					.getMessage("lifecycle.space.detail",
							new Object[] { this.messages.getMessage("response.status." + response.status(), null,
									Locale.FRENCH), Deadlines.text(deadline, structure.departementCode()) },
							Locale.FRENCH);
				due.add(new Due(deadline, new Item(title, detail, "/reponses/" + response.id())));
			}
		}
		return due.stream().sorted(Comparator.comparing(Due::deadline)).map(Due::item).toList();
	}

}
