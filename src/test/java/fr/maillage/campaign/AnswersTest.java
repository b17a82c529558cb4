package fr.maillage.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Saving answers one field at a time, as the answer pages will: French input, skip logic
 * and constraints, field-level merge, history, and the first value starting the response.
 */
@MaillageIntegrationTest
class AnswersTest {

	static final String ADMIN = "admin@maillage.example";

	static final String MANAGER_66 = "direction.cs66@maillage.example";

	static final String STAFF_66 = "equipe.cs66@maillage.example";

	static final String STAFF_69 = "equipe.cs69@maillage.example";

	/** A data year per test, apart from ResponsesTest's: the database is shared. */
	private static final AtomicInteger YEARS = new AtomicInteger(2080);

	@Autowired
	Campaigns campaigns;

	@Autowired
	Responses responses;

	@Autowired
	Answers answers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	PlatformTransactionManager transactions;

	private long response;

	@BeforeEach
	void aResponseOfTheDemoCentreOf66() {
		long structure = this.jdbc.sql("""
				select ra.scope_code::bigint from role_assignment ra join app_user u on u.id = ra.user_id
				where u.email = ? and ra.role = 'STRUCTURE_MANAGER'""").param(MANAGER_66).query(Long.class).single();
		long questionnaire = this.jdbc
			.sql("select id from questionnaire_version where family = 'national' and version = '2026'")
			.query(Long.class)
			.single();
		int year = YEARS.getAndIncrement();
		long campaign = as(ADMIN, () -> this.campaigns.create(
				new CampaignCommand(year, LocalDate.of(year + 1, 3, 1), LocalDate.of(year + 1, 5, 31), questionnaire)))
			.id();
		this.response = as(STAFF_66, () -> this.campaigns.responseFor(campaign, structure)).id();
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aFrenchAmountIsSavedShownBackAndStartsTheResponse() {
		Answers.Outcome saved = as(STAFF_66, () -> this.answers.save(this.response, "fin_caf_ps_ag", 0, "1 234,5", 0));
		assertThat(saved).isInstanceOfSatisfying(Answers.Saved.class, s -> {
			assertThat(s.shown()).isEqualTo("1\u202F234,5\u00A0€");
			assertThat(s.version()).isEqualTo(1);
		});
		assertThat(value("fin_caf_ps_ag")).isEqualTo("1234.5");
		assertThat(as(STAFF_66, () -> this.responses.find(this.response)).status())
			.isEqualTo(ResponseStatus.IN_PROGRESS);
		// A second change keeps the history: old → new, who and when.
		as(STAFF_66, () -> this.answers.save(this.response, "fin_caf_ps_ag", 0, "2 000 €", 1));
		assertThat(this.jdbc.sql("""
				select coalesce(old_value, '-') || ' → ' || new_value from answer_history
				where response_id = ? and code = 'fin_caf_ps_ag' order by id""")
			.param(this.response)
			.query(String.class)
			.list()).containsExactly("- → 1234.5", "1234.5 → 2000");
	}

	@Test
	void twoPeopleChangingTheSameFieldGetAConflictNeverASilentOverwrite() {
		as(STAFF_66, () -> this.answers.save(this.response, "jours_ouverture", 0, "220", 0));
		// The director's page still shows the field empty (version 0).
		Answers.Outcome outcome = as(MANAGER_66,
				() -> this.answers.save(this.response, "jours_ouverture", 0, "230", 0));
		assertThat(outcome).isInstanceOfSatisfying(Answers.Conflict.class, conflict -> {
			assertThat(conflict.theirs()).isEqualTo("220");
			assertThat(conflict.yours()).isEqualTo("230");
			assertThat(conflict.version()).isEqualTo(1);
		});
		assertThat(value("jours_ouverture")).isEqualTo("220");
		// Another field saved meanwhile merges without any conflict.
		assertThat(as(MANAGER_66, () -> this.answers.save(this.response, "benevoles_activite", 0, "35", 0)))
			.isInstanceOf(Answers.Saved.class);
		// Having seen the other value, the director may choose hers.
		assertThat(as(MANAGER_66, () -> this.answers.save(this.response, "jours_ouverture", 0, "230", 1)))
			.isInstanceOf(Answers.Saved.class);
		assertThat(value("jours_ouverture")).isEqualTo("230");
	}

	@Test
	void aFieldClearedThenFilledAgainStillShowsAStalePageAConflict() {
		as(STAFF_66, () -> this.answers.save(this.response, "jours_ouverture", 0, "220", 0));
		// The director's page shows version 1; her colleague clears the field and types
		// again.
		assertThat(as(STAFF_66, () -> this.answers.save(this.response, "jours_ouverture", 0, "", 1)))
			.isInstanceOfSatisfying(Answers.Saved.class, saved -> assertThat(saved.version()).isZero());
		assertThat(as(STAFF_66, () -> this.answers.save(this.response, "jours_ouverture", 0, "12", 0)))
			.isInstanceOfSatisfying(Answers.Saved.class, saved -> assertThat(saved.version()).isEqualTo(3));
		assertThat(as(MANAGER_66, () -> this.answers.save(this.response, "jours_ouverture", 0, "15", 1)))
			.isInstanceOfSatisfying(Answers.Conflict.class, conflict -> assertThat(conflict.theirs()).isEqualTo("12"));
		assertThat(value("jours_ouverture")).isEqualTo("12");
	}

	@Test
	void badValuesHiddenQuestionsAndConstraintsAreRefusedWithNothingStored() {
		assertThat(as(STAFF_66, () -> this.answers.save(this.response, "jours_ouverture", 0, "beaucoup", 0)))
			.isEqualTo(new Answers.Refused("answer.error.integer", List.of("beaucoup")));
		assertThat(as(STAFF_66, () -> this.answers.save(this.response, "jours_ouverture", 0, "400", 0)))
			.isEqualTo(new Answers.Refused("answer.error.between", List.of("0", "366")));
		// The board's questions are hidden unless the structure says it is an
		// association.
		assertThat(as(STAFF_66, () -> this.answers.save(this.response, "ca_membres", 0, "12", 0)))
			.isEqualTo(new Answers.Refused("answer.error.not-relevant", List.of()));
		as(STAFF_66, () -> this.answers.save(this.response, "gestion_associative", 0, "oui", 0));
		as(STAFF_66, () -> this.answers.save(this.response, "ca_membres", 0, "12", 0));
		assertThat(as(STAFF_66, () -> this.answers.save(this.response, "ca_membres_habitants", 0, "15", 0)))
			.isEqualTo(new Answers.Refused(
					"Les habitants ne peuvent pas être plus nombreux que les membres du conseil d’administration.",
					List.of()));
		assertThat(value("jours_ouverture")).isNull();
		assertThat(value("ca_membres_habitants")).isNull();
	}

	@Test
	void aSaveThatMeetsASubmissionUnderWayIsRefusedWithNothingStored() throws Exception {
		as(STAFF_66, () -> this.answers.save(this.response, "jours_ouverture", 0, "220", 0));
		var submission = new TransactionTemplate(this.transactions);
		var pending = new java.util.concurrent.atomic.AtomicReference<java.util.concurrent.Future<Answers.Outcome>>();
		try (var other = java.util.concurrent.Executors.newSingleThreadExecutor()) {
			submission.executeWithoutResult(status -> {
				// What "Soumettre" does: hold the response alone, check, then submit.
				this.jdbc.sql("select id from response where id = ? for update")
					.param(this.response)
					.query()
					.listOfRows();
				pending.set(other
					.submit(() -> as(STAFF_66, () -> this.answers.save(this.response, "adherents", 0, "150", 0))));
				// The save has read the response, still in progress, and waits to write.
				sleep(700);
				assertThat(pending.get()).isNotDone();
				this.jdbc.sql("update response set status = 'SUBMITTED' where id = ?").param(this.response).update();
			});
			assertThat(pending.get().get(10, java.util.concurrent.TimeUnit.SECONDS))
				.isEqualTo(new Answers.Refused("answer.error.locked", List.of()));
		}
		assertThat(value("adherents")).isNull();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void tamperedRequestsAreRefused() {
		// A code the questionnaire does not have, or an EVS-only question for a centre
		// social.
		assertThatThrownBy(() -> as(STAFF_66, () -> this.answers.save(this.response, "pas_une_question", 0, "1", 0)))
			.isInstanceOf(Answers.UnknownQuestionException.class);
		assertThatThrownBy(() -> as(STAFF_66, () -> this.answers.save(this.response, "fin_caf_ps_evs", 0, "1", 0)))
			.isInstanceOf(Answers.UnknownQuestionException.class);
		// Staff of another structure: the response is not theirs to know of.
		assertThatThrownBy(() -> as(STAFF_69, () -> this.answers.save(this.response, "jours_ouverture", 0, "1", 0)))
			.hasMessageContaining("response");
		assertThat(this.jdbc.sql("select count(*) from answer where response_id = ?")
			.param(this.response)
			.query(Long.class)
			.single()).isZero();
		assertThatThrownBy(() -> as(ADMIN, () -> this.answers.save(this.response, "jours_ouverture", 0, "1", 0)))
			.isInstanceOf(AccessDeniedException.class);
	}

	private String value(String code) {
		return this.jdbc.sql("select value from answer where response_id = ? and code = ?")
			.params(this.response, code)
			.query(String.class)
			.optional()
			.orElse(null);
	}

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

}
