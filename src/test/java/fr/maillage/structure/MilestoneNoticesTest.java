package fr.maillage.structure;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A renewal milestone coming due is announced once, to the structure's people and its Caf
 * advisors; a structure without accounts gets it at its contact address with a link to
 * claim it. Milestones recorded as already past, or done, are never announced.
 */
@MaillageIntegrationTest
@AutoConfigureMockMvc
class MilestoneNoticesTest {

	private static final Pattern CLAIM = Pattern.compile("/invitation/([A-Za-z0-9_-]{20,})");

	@Autowired
	MilestoneNotices notices;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	private long id(String sql, Object... params) {
		return this.jdbc.sql(sql).params(List.of(params)).query(Long.class).single();
	}

	private List<String> recipientsOf(long structureId, long sinceOutboxId) {
		return this.jdbc.sql("""
				select recipient from email_outbox
				where template = 'milestone-due' and id > ? and body_text like ? order by recipient""")
			.params(sinceOutboxId, "%" + structureName(structureId) + "%")
			.query(String.class)
			.list();
	}

	private String structureName(long structureId) {
		return this.jdbc.sql("select name from structure where id = ?").param(structureId).query(String.class).single();
	}

	private long lastOutboxId() {
		return id("select coalesce(max(id), 0) from email_outbox");
	}

	/**
	 * Makes one milestone of the structure's current approval due today, not announced.
	 */
	private long makeDueToday(long structureId) {
		long milestone = id(
				"""
						select min(m.id) from renewal_milestone m join structure_main_approval ma on ma.approval_id = m.approval_id
						where ma.structure_id = ?""",
				structureId);
		this.jdbc
			.sql("update renewal_milestone set due_on = date '2026-11-27', done_on = null, notice = 'PENDING'"
					+ " where id = ?")
			.param(milestone)
			.update();
		return milestone;
	}

	@Test
	void aDueMilestoneIsAnnouncedOnceToTheStructuresPeopleAndItsAdvisor() {
		long structure = id("""
				select ra.scope_code::bigint from role_assignment ra join app_user u on u.id = ra.user_id
				where u.email = 'equipe.cs66@maillage.example' and ra.role = 'STRUCTURE_STAFF'""");
		long milestone = makeDueToday(structure);
		long since = lastOutboxId();

		// The scheduled entry point, as the scheduler calls it (with its lock).
		this.notices.daily();

		assertThat(recipientsOf(structure, since)).contains("equipe.cs66@maillage.example",
				"conseillere.caf66@maillage.example");
		assertThat(recipientsOf(structure, since)).doesNotContain("conseiller.caf69@maillage.example");
		assertThat(this.jdbc.sql("select notice from renewal_milestone where id = ?")
			.param(milestone)
			.query(String.class)
			.single()).isEqualTo("SENT");
		String body = this.jdbc.sql("""
				select body_text from email_outbox where id > ? and recipient = 'conseillere.caf66@maillage.example'
				  and template = 'milestone-due' order by id desc limit 1""").param(since).query(String.class).single();
		assertThat(body).contains(structureName(structure), "27 novembre 2026", "/registre/" + structure);

		long again = lastOutboxId();
		this.notices.announceDue();
		assertThat(recipientsOf(structure, again)).as("announced once").isEmpty();
	}

	@Test
	void aStructureWithoutAccountsGetsItAtItsContactAddressWithALinkToClaimIt() throws Exception {
		long structure = id("""
				insert into structure (name, kind, commune_code, email)
				values ('Espace de vie sociale La Cabane d’Eus', 'EVS', '66074', 'contact@la-cabane.example')
				returning id""");
		long approval = id("""
				insert into approval (structure_id, kind_code, starts_on, ends_on, created_at)
				values (?, 'EVS', date '2025-03-01', date '2027-02-28', now()) returning id""", structure);
		this.jdbc.sql("""
				insert into renewal_milestone (approval_id, kind, due_on, notice) values
				    (?, 'DIAGNOSTIC_12', date '2026-02-28', 'SKIPPED'),
				    (?, 'DIAGNOSTIC_8', date '2026-06-28', 'PENDING'),
				    (?, 'DEBATE_6', date '2026-08-28', 'PENDING'),
				    (?, 'COMMISSION_3', date '2026-11-28', 'PENDING')""")
			.params(approval, approval, approval, approval)
			.update();
		this.jdbc.sql(
				"update renewal_milestone set done_on = date '2026-06-20' where approval_id = ? and kind = 'DIAGNOSTIC_8'")
			.param(approval)
			.update();
		long since = lastOutboxId();

		this.notices.announceDue();

		// Only the debate is due and open: the diagnostic was already past when recorded,
		// the shared diagnostic is done, the commission is due tomorrow.
		List<String> bodies = this.jdbc.sql("""
				select body_text from email_outbox where id > ? and recipient = 'contact@la-cabane.example'""")
			.param(since)
			.query(String.class)
			.list();
		assertThat(bodies).singleElement().satisfies(body -> assertThat(body).contains("Débat avec les habitants"));
		assertThat(recipientsOf(structure, since)).contains("conseillere.caf66@maillage.example");
		Matcher link = CLAIM.matcher(bodies.getFirst());
		assertThat(link.find()).isTrue();
		this.mvc.perform(get("/invitation/" + link.group(1)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Direction de structure")));
		// A new contact address voids the links sent to the old one.
		this.jdbc.sql("update structure set email = 'accueil@la-cabane.example' where id = ?")
			.param(structure)
			.update();
		this.mvc.perform(get("/invitation/" + link.group(1)))
			.andExpect(content().string(containsString("Ce lien n’est plus valable")));
		this.jdbc.sql("update structure set email = 'contact@la-cabane.example' where id = ?")
			.param(structure)
			.update();
		// Once someone manages the structure, the link no longer lets anyone in.
		long manager = id("""
				insert into app_user (email, display_name, password_hash, enabled, created_at)
				values ('directrice@la-cabane.example', 'Directrice', null, true, now()) returning id""");
		this.jdbc.sql("""
				insert into role_assignment (user_id, role, scope_kind, scope_code, granted_at)
				values (?, 'STRUCTURE_MANAGER', 'STRUCTURE', ?, now())""")
			.params(manager, Long.toString(structure))
			.update();
		this.mvc.perform(get("/invitation/" + link.group(1)))
			.andExpect(content().string(containsString("Ce lien n’est plus valable")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("name=\"password\""))));
	}

}
