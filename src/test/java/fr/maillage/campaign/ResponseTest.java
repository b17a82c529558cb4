package fr.maillage.campaign;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static fr.maillage.campaign.ResponseStatus.IN_PROGRESS;
import static fr.maillage.campaign.ResponseStatus.NOT_STARTED;
import static fr.maillage.campaign.ResponseStatus.RETURNED;
import static fr.maillage.campaign.ResponseStatus.SUBMITTED;
import static fr.maillage.campaign.ResponseStatus.VALIDATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The response's state machine, every status against every action. */
class ResponseTest {

	private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

	private static final Long ACTOR = 7L;

	/** The legal (status, action) pairs and where they lead: ADR 20's table. */
	private static final Set<String> LEGAL = Set.of("NOT_STARTED START IN_PROGRESS", "IN_PROGRESS SUBMIT SUBMITTED",
			"RETURNED SUBMIT SUBMITTED", "SUBMITTED RETURN RETURNED", "SUBMITTED VALIDATE VALIDATED",
			"VALIDATED UNVALIDATE SUBMITTED");

	static Stream<Arguments> everyStatusAndAction() {
		return EnumSet.allOf(ResponseStatus.class)
			.stream()
			.flatMap(status -> EnumSet.allOf(ResponseAction.class).stream().map(a -> Arguments.of(status, a)));
	}

	@ParameterizedTest(name = "{0} then {1}")
	@MethodSource("everyStatusAndAction")
	void aTransitionHappensExactlyWhenTheTableAllowsIt(ResponseStatus status, ResponseAction action) {
		Response response = response(status);
		String legal = LEGAL.stream()
			.filter(pair -> pair.startsWith(status + " " + action + " "))
			.findFirst()
			.orElse(null);
		if (legal == null) {
			assertThatThrownBy(() -> apply(response, action)).isInstanceOfSatisfying(IllegalTransitionException.class,
					ex -> {
						assertThat(ex.messageKey()).isEqualTo("response.error.illegal-transition");
						assertThat(ex.arguments()).containsExactly("response.status-phrase." + status,
								"response.action-participle." + action);
					});
			assertThat(response.status()).isEqualTo(status);
			assertThat(response.transition()).isNull();
			return;
		}
		Object event = apply(response, action);
		ResponseStatus to = ResponseStatus.valueOf(legal.split(" ")[2]);
		assertThat(response.status()).isEqualTo(to);
		assertThat(response.transition()).isEqualTo(new ResponseTransition(status, to, ACTOR,
				(action == ResponseAction.RETURN || action == ResponseAction.UNVALIDATE) ? "Un message" : null, NOW));
		switch (action) {
			case START -> assertThat(event).isNull();
			case SUBMIT -> assertThat(event).isEqualTo(new ResponseSubmitted(1, 2, 3, 2025, ACTOR, NOW));
			case RETURN -> assertThat(event).isEqualTo(new ResponseReturned(1, 2, 3, 2025, ACTOR, NOW, "Un message"));
			case VALIDATE -> assertThat(event).isEqualTo(new ResponseValidated(1, 2, 3, 2025, ACTOR, NOW));
			case UNVALIDATE ->
				assertThat(event).isEqualTo(new ResponseUnvalidated(1, 2, 3, 2025, ACTOR, NOW, "Un message"));
		}
	}

	@Test
	void theTableHasTheSixLegalPairsOfTheAdr() {
		long legal = everyStatusAndAction()
			.filter(args -> ((ResponseAction) args.get()[1]).allowedFrom((ResponseStatus) args.get()[0]))
			.count();
		assertThat(legal).isEqualTo(LEGAL.size());
	}

	@Test
	void returningNeedsAMessageAndUnvalidatingAReason() {
		Response submitted = response(SUBMITTED);
		assertThatThrownBy(() -> submitted.returnForCorrection("  ", ACTOR, NOW)).isInstanceOfSatisfying(
				TransitionRefusedException.class,
				ex -> assertThat(ex.messageKey()).isEqualTo("response.error.message-required"));
		assertThat(submitted.status()).isEqualTo(SUBMITTED);
		Response validated = response(VALIDATED);
		assertThatThrownBy(() -> validated.unvalidate(null, ACTOR, NOW)).isInstanceOfSatisfying(
				TransitionRefusedException.class,
				ex -> assertThat(ex.messageKey()).isEqualTo("response.error.reason-required"));
		assertThatThrownBy(() -> validated.unvalidate("x".repeat(Response.MAX_MESSAGE + 1), ACTOR, NOW))
			.isInstanceOfSatisfying(TransitionRefusedException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("response.error.message-too-long"));
		assertThat(validated.status()).isEqualTo(VALIDATED);
	}

	@Test
	void aSubmissionAfterAReturnKeepsTheMessageAndAnUnvalidationClearsTheValidationDate() {
		Response response = response(SUBMITTED);
		response.returnForCorrection(" Complétez les effectifs. ", ACTOR, NOW);
		assertThat(response.lastMessage()).isEqualTo("Complétez les effectifs.");
		Response validated = new Response(1, 2, 3, 2025, VALIDATED, 4, NOW, NOW, null);
		validated.unvalidate("Erreur de saisie", ACTOR, NOW);
		assertThat(validated.validatedAt()).isNull();
		assertThat(validated.status()).isEqualTo(SUBMITTED);
	}

	@Test
	void oneLoadedResponseMovesOnceSoThatItsVersionCheckCoversOneChange() {
		Response response = response(IN_PROGRESS);
		response.submit(ACTOR, NOW);
		assertThatThrownBy(() -> response.validate(ACTOR, NOW)).isInstanceOf(IllegalStateException.class);
		assertThat(response.status()).isEqualTo(SUBMITTED);
	}

	@Test
	void everyStatusIsReachableFromNotStarted() {
		Set<ResponseStatus> reached = EnumSet.of(NOT_STARTED);
		boolean grew = true;
		while (grew) {
			grew = false;
			for (ResponseAction action : ResponseAction.values()) {
				if (reached.stream().anyMatch(action::allowedFrom)) {
					grew |= reached.add(action.to());
				}
			}
		}
		assertThat(reached).containsExactlyInAnyOrder(ResponseStatus.values());
		assertThat(RETURNED).isIn(reached);
	}

	private static Response response(ResponseStatus status) {
		return new Response(1, 2, 3, 2025, status, 4, null, null, null);
	}

	private static Object apply(Response response, ResponseAction action) {
		return switch (action) {
			case START -> {
				response.start(ACTOR, NOW);
				yield null;
			}
			case SUBMIT -> response.submit(ACTOR, NOW);
			case RETURN -> response.returnForCorrection("Un message", ACTOR, NOW);
			case VALIDATE -> response.validate(ACTOR, NOW);
			case UNVALIDATE -> response.unvalidate("Un message", ACTOR, NOW);
		};
	}

}
