package fr.maillage.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import fr.maillage.audit.AuditEvent.Category;
import fr.maillage.shared.security.Scope;
import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The journal page: who reads it, what it shows, how it filters. */
@MaillageIntegrationTest
@AutoConfigureMockMvc
class JournalPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditEntries entries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@Autowired
	UserDetailsService users;

	@Test
	void showsEntriesToTheNationalAdministrationWithTheActorsCurrentNameAndTheChangedFields() throws Exception {
		String type = uniqueType();
		long actor = createUser("Jeanne Martin");
		record(new AuditEvent(Category.DATA, "structure.updated", actor, type, "42", "66", 42L,
				Map.of("name", "Centre social du Vernet", "phone", "04 68 00 00 00"),
				Map.of("name", "Centre social Saint-Mathieu", "phone", "04 68 00 00 00")));

		this.mvc.perform(journal().param("objectType", type))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Journal des modifications"),
					containsString("<caption>Entrées du journal"), containsString("scope=\"col\""),
					containsString("Jeanne Martin (n° " + actor + ")"), containsString("Centre social du Vernet"),
					containsString("Centre social Saint-Mathieu"), containsString("Département 66"),
					containsString("27/11/2026 11:00:00"), containsString("1 entrée correspond"))))
			// An unchanged field is not listed.
			.andExpect(content().string(not(containsString("04 68 00 00 00"))));
	}

	@Test
	void showsAnAnonymisedOrDeletedPersonAsSuchWhileTheEntryStays() throws Exception {
		String type = uniqueType();
		long actor = createUser("Jeanne Martin");
		record(new AuditEvent(Category.DATA, "structure.updated", actor, type, "1", null, null, Map.of(),
				Map.of("name", "X")));

		this.jdbc.sql("update app_user set display_name = 'Personne anonymisée', email = ? where id = ?")
			.params("anonyme-" + actor + "@invalid", actor)
			.update();
		this.mvc.perform(journal().param("objectType", type))
			.andExpect(content().string(containsString("Personne anonymisée (n° " + actor + ")")))
			.andExpect(content().string(not(containsString("Jeanne Martin"))));

		this.jdbc.sql("delete from app_user where id = ?").param(actor).update();
		this.mvc.perform(journal().param("objectType", type))
			.andExpect(content().string(containsString("Compte supprimé (n° " + actor + ")")));
	}

	@Test
	void filtersByCategoryActionObjectTypeActorAndPeriod() throws Exception {
		String type = uniqueType();
		long actor = createUser("Paul Durand");
		record(new AuditEvent(Category.DATA, "structure.created", actor, type, "A-data", null, null, Map.of(),
				Map.of("name", "A")));
		record(new AuditEvent(Category.SECURITY, "user.invited", null, type, "B-security", null, null, Map.of(),
				Map.of()));
		insertOld(type, "C-last-year");

		this.mvc.perform(journal().param("objectType", type).param("category", "DATA"))
			.andExpect(content().string(allOf(containsString("A-data"), not(containsString("B-security")))));
		this.mvc.perform(journal().param("objectType", type).param("action", "user.invited"))
			.andExpect(content().string(allOf(containsString("B-security"), not(containsString("A-data")))));
		this.mvc.perform(journal().param("objectType", type).param("actor", Long.toString(actor)))
			.andExpect(content().string(allOf(containsString("A-data"), not(containsString("B-security")))));
		this.mvc.perform(journal().param("objectType", type).param("from", "2026-11-27").param("to", "2026-11-27"))
			.andExpect(content().string(
					allOf(containsString("A-data"), containsString("B-security"), not(containsString("C-last-year")))));
		this.mvc.perform(journal().param("objectType", type).param("to", "2026-11-26"))
			.andExpect(content().string(allOf(containsString("C-last-year"), not(containsString("A-data")))));
		this.mvc.perform(journal().param("objectType", type))
			.andExpect(content().string(containsString("3 entrées correspondent")));
	}

	@Test
	void saysInFrenchNextToTheFieldWhenThePeriodEndsBeforeItStarts() throws Exception {
		this.mvc.perform(journal().param("from", "2026-11-27").param("to", "2026-11-01").param("action", "signout"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("La date de fin doit être postérieure ou égale à la date de début."),
						containsString("id=\"to-erreur\""), containsString("aria-describedby=\"to-erreur\""),
						containsString("aria-invalid=\"true\""), containsString("href=\"#to\""),
						// The form keeps what was typed.
						containsString("value=\"2026-11-01\""), containsString("value=\"signout\""),
						not(containsString("<table")))));
	}

	@Test
	void saysInFrenchWhenADateIsNotADate() throws Exception {
		this.mvc.perform(journal().param("from", "hier"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Saisissez une date valide"),
					containsString("aria-describedby=\"from-erreur\""), containsString("value=\"hier\""))));
	}

	@Test
	void shows50EntriesPerPageNewestFirstWithLinksBetweenPages() throws Exception {
		String type = uniqueType();
		for (int i = 1; i <= 51; i++) {
			record(new AuditEvent(Category.DATA, "test.page", null, type, "item-" + i + "-", null, null, Map.of(),
					Map.of()));
		}
		String first = this.mvc.perform(journal().param("objectType", type))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(first.split("<tr>", -1)).hasSize(1 + 1 + 50);
		assertThat(first).contains("item-51-")
			.doesNotContain("item-1-")
			.contains("Page 1 sur 2")
			.contains("aria-current=\"page\"")
			.contains("href=\"/journal?objectType=" + type + "&amp;page=2\"");

		this.mvc.perform(journal().param("objectType", type).param("page", "2"))
			.andExpect(content().string(allOf(containsString("item-1-"), not(containsString("item-2-")),
					containsString("Page 2 sur 2"), containsString("rel=\"prev\""))));
	}

	@Test
	void refusesStructureStaffAndFederations() throws Exception {
		this.mvc.perform(get("/journal").with(as("equipe.cs66@maillage.example"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/journal").with(as("federation66@maillage.example"))).andExpect(status().isForbidden());
	}

	@Test
	void sendsAnonymousVisitorsToSignIn() throws Exception {
		this.mvc.perform(get("/journal")).andExpect(redirectedUrl("/connexion"));
	}

	@Test
	void showsACafAdvisorOnlyTheEntriesOfHerDepartement() throws Exception {
		String type = uniqueType();
		record(new AuditEvent(Category.DATA, "structure.updated", null, type, "dans-66", "66", null, Map.of(),
				Map.of()));
		record(new AuditEvent(Category.DATA, "structure.updated", null, type, "dans-93", "93", null, Map.of(),
				Map.of()));
		this.mvc.perform(get("/journal").param("objectType", type).with(as("conseillere.caf66@maillage.example")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("dans-66"), not(containsString("dans-93")))));
	}

	@Test
	void readsOnlyTheEntriesOfTheReadersScope() {
		String type = uniqueType();
		record(new AuditEvent(Category.DATA, "structure.updated", null, type, "in-66", "66", 6601L, Map.of(),
				Map.of()));
		record(new AuditEvent(Category.DATA, "structure.updated", null, type, "in-93", "93", 9301L, Map.of(),
				Map.of()));
		record(new AuditEvent(Category.SECURITY, "signin.failed", null, type, "nowhere", null, null, Map.of(),
				Map.of()));
		JournalFilter ofType = new JournalFilter(null, null, type, null, null, null);

		assertThat(objectIds(Scope.NATION, ofType)).containsExactlyInAnyOrder("in-66", "in-93", "nowhere");
		assertThat(objectIds(new Scope(false, Set.of(), Set.of("66"), Set.of()), ofType)).containsExactly("in-66");
		assertThat(objectIds(new Scope(false, Set.of("11"), Set.of(), Set.of()), ofType)).containsExactly("in-93");
		assertThat(objectIds(new Scope(false, Set.of(), Set.of(), Set.of(9301L)), ofType)).containsExactly("in-93");
		assertThat(objectIds(Scope.NONE, ofType)).isEmpty();
	}

	private java.util.List<String> objectIds(Scope scope, JournalFilter filter) {
		return this.entries.find(scope, filter, 1).entries().stream().map(AuditEntry::objectId).toList();
	}

	private void record(AuditEvent event) {
		this.transactions.executeWithoutResult(status -> this.trail.record(event));
	}

	private void insertOld(String type, String objectId) {
		this.jdbc.sql("""
				insert into audit_entry (occurred_at, category, action, object_type, object_id)
				values (?, 'DATA', 'structure.updated', ?, ?)""")
			.params(this.clock.instant().minus(Duration.ofDays(300)).atOffset(ZoneOffset.UTC), type, objectId)
			.update();
	}

	private long createUser(String name) {
		return this.jdbc.sql("""
				insert into app_user (email, display_name, enabled, created_at)
				values (?, ?, true, now()) returning id""")
			.params("journal-" + UUID.randomUUID() + "@maillage.example", name)
			.query(Long.class)
			.single();
	}

	private static String uniqueType() {
		return "test" + UUID.randomUUID().toString().replace("-", "");
	}

	private MockHttpServletRequestBuilder journal() {
		return get("/journal").with(as("admin@maillage.example"));
	}

	private RequestPostProcessor as(String email) {
		return user(this.users.loadUserByUsername(email));
	}

}
