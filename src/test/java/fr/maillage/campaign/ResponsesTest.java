package fr.maillage.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import fr.maillage.shared.web.NotFoundException;
import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Responses under the permissions table, on the real database: each transition once with
 * its history row, audit entry and event; refusals (wrong status, own structure, out of
 * scope, no message, a stale version) write nothing.
 */
@MaillageIntegrationTest
@RecordApplicationEvents
class ResponsesTest {

	static final String ADMIN = "admin@maillage.example";

	static final String MANAGER_66 = "direction.cs66@maillage.example";

	static final String STAFF_66 = "equipe.cs66@maillage.example";

	static final String ADVISOR_66 = "conseillere.caf66@maillage.example";

	static final String REVIEWER_66 = "correspondant66@maillage.example";

	static final String FEDERATION_66 = "federation66@maillage.example";

	static final String REVIEWER_69 = "correspondant69@maillage.example";

	static final String STAFF_69 = "equipe.cs69@maillage.example";

	/** A data year per test: the context, hence the database, is shared. */
	private static final AtomicInteger YEARS = new AtomicInteger(2060);

	@Autowired
	Campaigns campaigns;

	@Autowired
	Responses responses;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	MessageSource messages;

	@Autowired
	ApplicationEvents events;

	private long structure;

	private long campaign;

	@BeforeEach
	void aCampaignAndTheStructureOfTheDemoCentreOf66() {
		this.structure = this.jdbc.sql("""
				select ra.scope_code::bigint from role_assignment ra join app_user u on u.id = ra.user_id
				where u.email = ? and ra.role = 'STRUCTURE_MANAGER'""").param(MANAGER_66).query(Long.class).single();
		long questionnaire = this.jdbc.sql("select min(id) from questionnaire_version").query(Long.class).single();
		int year = YEARS.getAndIncrement();
		Campaigns.Created created = as(ADMIN, () -> this.campaigns.create(
				new CampaignCommand(year, LocalDate.of(year + 1, 3, 1), LocalDate.of(year + 1, 5, 31), questionnaire)));
		assertThat(created.problems()).isEmpty();
		this.campaign = created.id();
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void everyTransitionIsSavedWithItsHistoryAuditEntryAndEvent() {
		ResponseSummary response = as(STAFF_66, () -> this.campaigns.responseFor(this.campaign, this.structure));
		assertThat(response.status()).isEqualTo(ResponseStatus.NOT_STARTED);
		assertThat(response.version()).isZero();
		long id = response.id();

		as(STAFF_66, () -> this.responses.start(id, 0));
		ResponseSubmitted submitted = as(MANAGER_66, () -> this.responses.submit(id, 1));
		ResponseReturned returned = as(REVIEWER_66,
				() -> this.responses.returnForCorrection(id, 2, "Les effectifs manquent."));
		ResponseSubmitted again = as(STAFF_66, () -> this.responses.submit(id, 3));
		ResponseValidated validated = as(ADVISOR_66, () -> this.responses.validate(id, 4));
		ResponseUnvalidated unvalidated = as(ADMIN, () -> this.responses.unvalidate(id, 5, "Erreur de saisie."));

		ResponseSummary after = as(REVIEWER_66, () -> this.responses.find(id));
		assertThat(after.status()).isEqualTo(ResponseStatus.SUBMITTED);
		assertThat(after.version()).isEqualTo(6);
		assertThat(after.lastMessage()).isEqualTo("Erreur de saisie.");
		assertThat(this.jdbc.sql("""
				select t.from_status || '>' || t.to_status || ' by ' || u.email || coalesce(' : ' || t.message, '')
				from response_transition t join app_user u on u.id = t.actor_user_id
				where t.response_id = ? order by t.id""").param(id).query(String.class).list()).containsExactly(
				"NOT_STARTED>IN_PROGRESS by " + STAFF_66, "IN_PROGRESS>SUBMITTED by " + MANAGER_66,
				"SUBMITTED>RETURNED by " + REVIEWER_66 + " : Les effectifs manquent.",
				"RETURNED>SUBMITTED by " + STAFF_66, "SUBMITTED>VALIDATED by " + ADVISOR_66,
				"VALIDATED>SUBMITTED by " + ADMIN + " : Erreur de saisie.");
		assertThat(this.jdbc.sql("""
				select action || ' ' || departement_code || ' ' || structure_id from audit_entry
				where object_type = 'response' and object_id = ? order by id""")
			.param(Long.toString(id))
			.query(String.class)
			.list()).containsExactly("response.started 66 " + this.structure, "response.submitted 66 " + this.structure,
					"response.returned 66 " + this.structure, "response.submitted 66 " + this.structure,
					"response.validated 66 " + this.structure, "response.unvalidated 66 " + this.structure);

		assertThat(this.events.stream(ResponseSubmitted.class)).containsExactly(submitted, again);
		assertThat(submitted.structureId()).isEqualTo(this.structure);
		assertThat(submitted.campaignId()).isEqualTo(this.campaign);
		assertThat(submitted.actorUserId()).isEqualTo(userId(MANAGER_66));
		assertThat(this.events.stream(ResponseReturned.class)).singleElement()
			.isEqualTo(returned)
			.extracting(ResponseReturned::message)
			.isEqualTo("Les effectifs manquent.");
		assertThat(this.events.stream(ResponseValidated.class)).containsExactly(validated);
		assertThat(this.events.stream(ResponseUnvalidated.class)).singleElement()
			.extracting(ResponseUnvalidated::reason)
			.isEqualTo(unvalidated.reason());
	}

	@Test
	void aTransitionTheStatusDoesNotAllowIsRefusedInFrenchAndWritesNothing() {
		long id = as(STAFF_66, () -> this.campaigns.responseFor(this.campaign, this.structure)).id();
		Snapshot before = snapshot(id);
		assertThatThrownBy(() -> as(STAFF_66, () -> this.responses.submit(id, 0)))
			.isInstanceOfSatisfying(IllegalTransitionException.class, ex -> assertThat(french(ex))
				.isEqualTo("Cette réponse n’est pas commencée : elle ne peut pas être soumise."));
		assertThatThrownBy(() -> as(REVIEWER_66, () -> this.responses.validate(id, 0)))
			.isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> as(REVIEWER_66, () -> this.responses.returnForCorrection(id, 0, "Non.")))
			.isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> as(ADMIN, () -> this.responses.unvalidate(id, 0, "Non.")))
			.isInstanceOf(IllegalTransitionException.class);
		assertThat(snapshot(id)).isEqualTo(before);

		as(STAFF_66, () -> this.responses.start(id, 0));
		as(STAFF_66, () -> this.responses.submit(id, 1));
		as(REVIEWER_66, () -> this.responses.validate(id, 2));
		Snapshot validated = snapshot(id);
		assertThatThrownBy(() -> as(STAFF_66, () -> this.responses.submit(id, 3))).isInstanceOfSatisfying(
				IllegalTransitionException.class,
				ex -> assertThat(french(ex)).isEqualTo("Cette réponse est validée : elle ne peut pas être soumise."));
		assertThatThrownBy(() -> as(STAFF_66, () -> this.responses.start(id, 3)))
			.isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> as(REVIEWER_66, () -> this.responses.validate(id, 3)))
			.isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> as(REVIEWER_66, () -> this.responses.returnForCorrection(id, 3, "Non.")))
			.isInstanceOf(IllegalTransitionException.class);
		assertThat(snapshot(id)).isEqualTo(validated);
		assertThat(this.events.stream(ResponseValidated.class)).hasSize(1);
	}

	@Test
	void nobodyValidatesAResponseOfAStructureWhereTheyHoldAStructureRole() {
		long id = submittedResponse();
		String reviewerAndStaff = "test-" + UUID.randomUUID() + "@maillage.example";
		this.jdbc.sql("""
				insert into app_user (email, display_name, password_hash, enabled, created_at)
				values (?, 'Relecteur et salarié', '{noop}-', true, now())""").param(reviewerAndStaff).update();
		this.jdbc.sql("""
				insert into role_assignment (user_id, role, scope_kind, scope_code, granted_at)
				select id, 'REVIEWER', 'DEPARTEMENT', '66', now() from app_user where email = :email
				union all
				select id, 'STRUCTURE_STAFF', 'STRUCTURE', :structure, now() from app_user where email = :email""")
			.param("email", reviewerAndStaff)
			.param("structure", Long.toString(this.structure))
			.update();
		Snapshot before = snapshot(id);
		assertThatThrownBy(() -> as(reviewerAndStaff, () -> this.responses.validate(id, 2)))
			.isInstanceOf(AccessDeniedException.class);
		// The structure's own people may not validate either, nor a federation.
		assertThatThrownBy(() -> as(MANAGER_66, () -> this.responses.validate(id, 2)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as(FEDERATION_66, () -> this.responses.validate(id, 2)))
			.isInstanceOf(AccessDeniedException.class);
		// Reviewers do not submit for the structure.
		assertThatThrownBy(() -> as(REVIEWER_66, () -> this.responses.submit(id, 2)))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(snapshot(id)).isEqualTo(before);
		// The same person still returns it for correction: that is not validating.
		as(reviewerAndStaff, () -> this.responses.returnForCorrection(id, 2, "À revoir."));
		assertThat(as(REVIEWER_66, () -> this.responses.find(id)).status()).isEqualTo(ResponseStatus.RETURNED);
	}

	@Test
	void aResponseOutsideTheReadersScopeIsNotFound() {
		long id = submittedResponse();
		Snapshot before = snapshot(id);
		assertThatThrownBy(() -> as(REVIEWER_69, () -> this.responses.validate(id, 2)))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> as(REVIEWER_69, () -> this.responses.find(id))).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> as(STAFF_69, () -> this.responses.submit(id, 2)))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> as(STAFF_69, () -> this.campaigns.responseFor(this.campaign, this.structure)))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.responses.validate(id, 2)).as("anonymous").isInstanceOf(NotFoundException.class);
		assertThat(snapshot(id)).isEqualTo(before);
	}

	@Test
	void returningWithoutAMessageIsRefused() {
		long id = submittedResponse();
		Snapshot before = snapshot(id);
		assertThatThrownBy(() -> as(REVIEWER_66, () -> this.responses.returnForCorrection(id, 2, " ")))
			.isInstanceOfSatisfying(TransitionRefusedException.class,
					ex -> assertThat(french(ex)).isEqualTo("Écrivez à la structure ce qu’elle doit corriger."));
		assertThat(snapshot(id)).isEqualTo(before);
		assertThat(this.events.stream(ResponseReturned.class)).isEmpty();
	}

	@Test
	void aTransitionOnAVersionSomeoneElseMovedOnIsRefused() {
		long id = submittedResponse();
		// The advisor and the reviewer both saw version 2; the reviewer returns it first.
		as(REVIEWER_66, () -> this.responses.returnForCorrection(id, 2, "À compléter."));
		Snapshot before = snapshot(id);
		assertThatThrownBy(() -> as(ADVISOR_66, () -> this.responses.validate(id, 2))).isInstanceOfSatisfying(
				ConcurrentTransitionException.class,
				ex -> assertThat(french(ex)).startsWith("Cette réponse vient d’être modifiée"));
		// Even a transition the new status allows is refused on a stale version.
		assertThatThrownBy(() -> as(STAFF_66, () -> this.responses.submit(id, 2)))
			.isInstanceOf(ConcurrentTransitionException.class);
		assertThat(snapshot(id)).isEqualTo(before);
		assertThat(this.events.stream(ResponseValidated.class)).isEmpty();
	}

	@Test
	void theResponseIsCreatedOnceNotStarted() {
		ResponseSummary first = as(MANAGER_66, () -> this.campaigns.responseFor(this.campaign, this.structure));
		ResponseSummary second = as(REVIEWER_66, () -> this.campaigns.responseFor(this.campaign, this.structure));
		assertThat(second).isEqualTo(first);
		assertThat(first.dataYear()).isEqualTo(this.campaigns.find(this.campaign).dataYear());
		assertThatThrownBy(() -> as(MANAGER_66, () -> this.campaigns.responseFor(-1, this.structure)))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void onlyANationalAdministratorCreatesACampaignAndBadInputGetsFrenchProblems() {
		long questionnaire = this.jdbc.sql("select min(id) from questionnaire_version").query(Long.class).single();
		CampaignCommand valid = new CampaignCommand(2059, LocalDate.of(2060, 3, 1), LocalDate.of(2060, 5, 31),
				questionnaire);
		assertThatThrownBy(() -> as(ADVISOR_66, () -> this.campaigns.create(valid)))
			.isInstanceOf(AccessDeniedException.class);
		long campaignsBefore = this.jdbc.sql("select count(*) from campaign").query(Long.class).single();

		int taken = this.campaigns.find(this.campaign).dataYear();
		Campaigns.Created refused = as(ADMIN, () -> this.campaigns
			.create(new CampaignCommand(taken, LocalDate.of(2070, 5, 1), LocalDate.of(2070, 4, 30), 999_999L)));
		assertThat(refused.ok()).isFalse();
		assertThat(refused.problems()).extracting(p -> p.field() + ": " + french(p.key(), p.arguments()))
			.containsExactly("dataYear: Une campagne existe déjà pour les données de " + taken + ".",
					"closesOn: La clôture doit être le jour de l’ouverture ou après.",
					"questionnaireVersionId: Aucun questionnaire publié ne porte le numéro 999999.");
		Campaigns.Created empty = as(ADMIN, () -> this.campaigns.create(new CampaignCommand(null, null, null, null)));
		assertThat(empty.problems()).extracting(Campaigns.Problem::field)
			.containsExactly("dataYear", "opensOn", "closesOn", "questionnaireVersionId");
		assertThat(this.jdbc.sql("select count(*) from campaign").query(Long.class).single())
			.isEqualTo(campaignsBefore);

		Campaigns.Created created = as(ADMIN, () -> this.campaigns.create(valid));
		assertThat(created.ok()).isTrue();
		assertThat(this.jdbc.sql("select count(*) from audit_entry where action = 'campaign.created' and object_id = ?")
			.param(Long.toString(created.id()))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	/** A response of the current campaign, submitted: version 2. */
	private long submittedResponse() {
		long id = as(STAFF_66, () -> this.campaigns.responseFor(this.campaign, this.structure)).id();
		as(STAFF_66, () -> this.responses.start(id, 0));
		as(MANAGER_66, () -> this.responses.submit(id, 1));
		return id;
	}

	/** What a refused transition must leave untouched. */
	record Snapshot(String status, int version, long transitions, long auditEntries) {
	}

	private Snapshot snapshot(long id) {
		return new Snapshot(
				this.jdbc.sql("select status from response where id = ?").param(id).query(String.class).single(),
				this.jdbc.sql("select version from response where id = ?").param(id).query(Integer.class).single(),
				this.jdbc.sql("select count(*) from response_transition where response_id = ?")
					.param(id)
					.query(Long.class)
					.single(),
				this.jdbc.sql("select count(*) from audit_entry where object_type = 'response' and object_id = ?")
					.param(Long.toString(id))
					.query(Long.class)
					.single());
	}

	private long userId(String email) {
		return this.jdbc.sql("select id from app_user where email = ?").param(email).query(Long.class).single();
	}

	/** The French message of a refusal, its arguments being keys themselves. */
	private String french(TransitionRefusedException ex) {
		Object[] arguments = ex.arguments();
		for (int i = 0; i < arguments.length; i++) {
			if (arguments[i] instanceof String key && key.startsWith("response.")) {
				arguments[i] = this.messages.getMessage(key, null, Locale.FRENCH);
			}
		}
		return this.messages.getMessage(ex.messageKey(), arguments, Locale.FRENCH);
	}

	private String french(String key, List<Object> arguments) {
		return this.messages.getMessage(key, arguments.toArray(), Locale.FRENCH);
	}

	/** Runs {@code work} signed in as that demo account. */
	private <T> T as(String email, Supplier<T> work) {
		UserDetails user = this.accounts.loadUserByUsername(email);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void as(String email, Runnable work) {
		as(email, () -> {
			work.run();
			return null;
		});
	}

}
