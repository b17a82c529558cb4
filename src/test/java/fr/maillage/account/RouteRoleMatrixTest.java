package fr.maillage.account;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import fr.maillage.shared.security.Role;
import fr.maillage.support.TestSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The route × role matrix of {@code shared/design/permissions.md}. Every route the
 * application serves is listed with the outcome expected for an anonymous visitor and,
 * for each role, for a person whose scope covers the sample objects (in the
 * Pyrénées-Orientales, or its first centre social) and for one whose scope does not
 * (Rhône). A route without an expectation fails the test. Calls change data (they are
 * real), so this class has its own application context and puts the samples back before
 * each call.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
		properties = { TestSettings.DATA_DIR, TestSettings.DEMO_SIZE, TestSettings.CLOCK,
				"maillage.login-throttle.address-max-failures=100000" })
@AutoConfigureMockMvc
class RouteRoleMatrixTest {

	/** What a call may end in. */
	enum Outcome {

		/** Served: 2xx, or a redirect elsewhere than the sign-in page. */
		OK,
		/** Sent to the sign-in page. */
		SIGN_IN,
		/** 403: visible, but not this person's to do. */
		FORBIDDEN,
		/** 404: out of scope, its existence not confirmed; or no such object. */
		NOT_FOUND

	}

	/**
	 * A person of each role whose scope covers the samples, and one whose scope does not.
	 */
	static final Map<Role, String> IN_SCOPE = new EnumMap<>(Map.of(Role.NATIONAL_ADMIN, "admin@maillage.example",
			Role.CAF_ADVISOR, "conseillere.caf66@maillage.example", Role.FEDERATION, "federation66@maillage.example",
			Role.REVIEWER, "correspondant66@maillage.example", Role.STRUCTURE_MANAGER,
			"direction.cs66@maillage.example", Role.STRUCTURE_STAFF, "equipe.cs66@maillage.example"));

	static final Map<Role, String> OUT_OF_SCOPE = new EnumMap<>(Map.of(Role.NATIONAL_ADMIN, "admin2@maillage.example",
			Role.CAF_ADVISOR, "conseiller.caf69@maillage.example", Role.FEDERATION, "federation69@maillage.example",
			Role.REVIEWER, "correspondant69@maillage.example", Role.STRUCTURE_MANAGER,
			"direction.cs69@maillage.example", Role.STRUCTURE_STAFF, "equipe.cs69@maillage.example"));

	/**
	 * The person the people-management routes act on: staff of the first centre social of
	 * 66.
	 */
	static final String SAMPLE_PERSON = "equipe.cs66@maillage.example";

	static final List<Expectation> MATRIX = new ArrayList<>();

	static {
		Outcome ok = Outcome.OK;
		Outcome signIn = Outcome.SIGN_IN;
		Outcome forbidden = Outcome.FORBIDDEN;
		Outcome notFound = Outcome.NOT_FOUND;
		for (String page : List.of("GET /", "GET /mentions-legales", "GET /donnees-personnelles", "GET /accessibilite",
				"GET /connexion", "GET /api/v1/territories/regions", "GET /api/v1/territories/departements",
				"GET /api/v1/territories/departements/{code}", "GET /api/v1/territories/communes")) {
			expect(page).anonymous(ok).everyone(ok, ok);
		}
		for (String invitationRoute : List.of("GET /invitation/{token}", "POST /invitation/{token}",
				"POST /invitation/{token}/renouveler")) {
			// The sample token matches no invitation.
			expect(invitationRoute).anonymous(notFound).everyone(notFound, notFound);
		}
		expect("GET /espace").anonymous(signIn).everyone(ok, ok);
		// The code step of signing in needs a password just checked; without one, back to
		// sign-in.
		expect("GET /connexion/code").anonymous(signIn).everyone(signIn, signIn);
		expect("POST /connexion/code").anonymous(signIn).everyone(signIn, signIn);
		// Why an OIDC sign-in was refused: shown once, after a refusal; otherwise back to
		// sign-in.
		expect("GET /connexion/refus").anonymous(signIn).everyone(signIn, signIn);
		for (String resetRoute : List.of("GET /mot-de-passe-oublie", "POST /mot-de-passe-oublie",
				"GET /mot-de-passe/{token}", "POST /mot-de-passe/{token}")) {
			expect(resetRoute).anonymous(ok).everyone(ok, ok);
		}
		for (String own : List.of("GET /compte", "POST /compte", "GET /compte/mot-de-passe",
				"POST /compte/mot-de-passe", "GET /compte/donnees", "POST /compte/effacement",
				"GET /compte/double-authentification", "POST /compte/double-authentification",
				"POST /compte/double-authentification/codes-de-secours")) {
			expect(own).anonymous(signIn).everyone(ok, ok);
		}
		expect("POST /compte/double-authentification/desactiver").anonymous(signIn)
			.everyone(ok, ok)
			.role(Role.NATIONAL_ADMIN, forbidden, forbidden);
		for (String outbox : List.of("GET /admin/courriels", "GET /admin/courriels/{id}",
				"GET /admin/courriels/{id}/html")) {
			// The sample e-mail does not exist: a national administrator is told so.
			expect(outbox).anonymous(signIn)
				.everyone(forbidden, forbidden)
				.role(Role.NATIONAL_ADMIN, outbox.endsWith("courriels") ? ok : notFound,
						outbox.endsWith("courriels") ? ok : notFound);
		}
		expect("GET /journal").anonymous(signIn)
			.everyone(forbidden, forbidden)
			.role(Role.NATIONAL_ADMIN, ok, ok)
			.role(Role.CAF_ADVISOR, ok, ok)
			.role(Role.STRUCTURE_MANAGER, ok, ok);
		expect("GET /admin/effacements").anonymous(signIn)
			.everyone(forbidden, forbidden)
			.role(Role.NATIONAL_ADMIN, ok, ok);
		// The sample request does not exist: a national administrator is told so.
		expect("POST /admin/effacements/{id}/confirmer").anonymous(signIn)
			.everyone(forbidden, forbidden)
			.role(Role.NATIONAL_ADMIN, notFound, notFound);
		// Listing and the invitation forms: the managers of the table, each seeing their
		// own scope.
		for (String managerPage : List.of("GET /personnes", "GET /personnes/inviter", "GET /personnes/inviter-en-masse",
				"POST /personnes/inviter-en-masse", "POST /personnes/inviter-en-masse/envoyer")) {
			expect(managerPage).anonymous(signIn)
				.role(Role.NATIONAL_ADMIN, ok, ok)
				.role(Role.CAF_ADVISOR, ok, ok)
				.role(Role.FEDERATION, ok, ok)
				.role(Role.REVIEWER, forbidden, forbidden)
				.role(Role.STRUCTURE_MANAGER, ok, ok)
				.role(Role.STRUCTURE_STAFF, forbidden, forbidden);
		}
		// The sample person is staff of a centre: a federation, which may grant only
		// FEDERATION, does not manage (nor see) them.
		expect("GET /personnes/{id}").anonymous(signIn)
			.role(Role.NATIONAL_ADMIN, ok, ok)
			.role(Role.CAF_ADVISOR, ok, notFound)
			.role(Role.FEDERATION, notFound, notFound)
			.role(Role.REVIEWER, forbidden, forbidden)
			.role(Role.STRUCTURE_MANAGER, ok, notFound)
			.role(Role.STRUCTURE_STAFF, forbidden, forbidden);
		// Inviting staff to the sample centre: a federation may only grant FEDERATION.
		expect("POST /personnes/inviter").anonymous(signIn)
			.role(Role.NATIONAL_ADMIN, ok, ok)
			.role(Role.CAF_ADVISOR, ok, forbidden)
			.role(Role.FEDERATION, forbidden, forbidden)
			.role(Role.REVIEWER, forbidden, forbidden)
			.role(Role.STRUCTURE_MANAGER, ok, forbidden)
			.role(Role.STRUCTURE_STAFF, forbidden, forbidden);
		for (String change : List.of("POST /personnes/{id}/roles/{assignmentId}/retirer",
				"POST /personnes/{id}/desactiver", "POST /personnes/{id}/reactiver")) {
			expect(change).anonymous(signIn)
				.role(Role.NATIONAL_ADMIN, ok, ok)
				.role(Role.CAF_ADVISOR, ok, notFound)
				.role(Role.FEDERATION, notFound, notFound)
				.role(Role.REVIEWER, forbidden, forbidden)
				.role(Role.STRUCTURE_MANAGER, ok, notFound)
				.role(Role.STRUCTURE_STAFF, forbidden, forbidden);
		}
		campaignRoutes(ok, signIn, forbidden, notFound);
		// Published questionnaires are public; {id} is the national questionnaire.
		for (String questionnaire : List.of("GET /api/v1/questionnaires", "GET /api/v1/questionnaires/{id}")) {
			expect(questionnaire).anonymous(ok).everyone(ok, ok);
		}
		// {id} is the national questionnaire: its workbook is the national
		// administration's.
		for (String admin : List.of("GET /admin/questionnaires", "POST /admin/questionnaires",
				"GET /admin/questionnaires/{id}/classeur.xlsx")) {
			expect(admin).anonymous(signIn).everyone(forbidden, forbidden).role(Role.NATIONAL_ADMIN, ok, ok);
		}
		registryRecordRoutes(ok, signIn, forbidden, notFound);
		registryImportExportRoutes(ok, signIn, forbidden, notFound);
		directoryRoutes(ok, signIn, forbidden, notFound);
		observatoryRoutes(ok, signIn, forbidden, notFound);
	}

	/**
	 * The observatory's public pages and downloads ({@code {region}} is Occitanie).
	 * Marking figures final and agreeing to it are for the roles granting them; the
	 * sample year has no figures, so the routes let them through to a 404 and the matrix
	 * never freezes demo figures (FinalFigures' own checks are in ObservatoryPagesTest).
	 */
	private static void observatoryRoutes(Outcome ok, Outcome signIn, Outcome forbidden, Outcome notFound) {
		for (String route : List.of("GET /observatoire", "GET /observatoire/regions/{region}",
				"GET /observatoire/departements/{code}", "GET /observatoire/comparer",
				"GET /observatoire/export.{format}")) {
			expect(route).anonymous(ok).everyone(ok, ok);
		}
		expect("POST /observatoire/definitif").anonymous(signIn)
			.everyone(forbidden, forbidden)
			.role(Role.NATIONAL_ADMIN, notFound, notFound)
			.role(Role.CAF_ADVISOR, notFound, notFound);
		expect("POST /observatoire/accord").anonymous(signIn)
			.everyone(forbidden, forbidden)
			.role(Role.FEDERATION, notFound, notFound);
		coverageRoutes(ok);
		openDataApiRoutes(ok);
	}

	/**
	 * The observatory's open-data API, its OpenAPI document and its page: public, read
	 * the same by everyone.
	 */
	private static void openDataApiRoutes(Outcome ok) {
		for (String route : List.of("GET /api/v1/indicators", "GET /api/v1/figures", "GET /api/v1/figures/versions",
				"GET /api/v1/comparison", "GET /v3/api-docs", "GET /v3/api-docs.yaml", "GET /api/documentation")) {
			expect(route).anonymous(ok).everyone(ok, ok);
		}
	}

	/**
	 * The registry's record pages: {@code {id}} is the sample centre social of 66.
	 */
	private static void registryRecordRoutes(Outcome ok, Outcome signIn, Outcome forbidden, Outcome notFound) {
		// Everyone with a role reads the registry of their own scope.
		expect("GET /registre").anonymous(signIn).everyone(ok, ok);
		// The Caf's pages: a national administrator, or a Caf advisor in her département
		// (the Rhône advisor creating in the Pyrénées-Orientales gets the form back with
		// an error on the commune).
		for (String cafPage : List.of("GET /registre/nouvelle", "POST /registre/nouvelle",
				"GET /registre/renouvellements")) {
			expect(cafPage).anonymous(signIn)
				.everyone(forbidden, forbidden)
				.role(Role.NATIONAL_ADMIN, ok, ok)
				.role(Role.CAF_ADVISOR, ok, ok);
		}
		// The sample structure's record and its documents: whoever's scope covers it.
		for (String read : List.of("GET /registre/{id}", "GET /registre/{id}/documents/{documentId}")) {
			expect(read).anonymous(signIn).everyone(ok, notFound).role(Role.NATIONAL_ADMIN, ok, ok);
		}
		// Its contact and descriptive fields: the Caf and the structure's own people.
		for (String edit : List.of("GET /registre/{id}/modifier", "POST /registre/{id}/modifier")) {
			expect(edit).anonymous(signIn)
				.everyone(ok, notFound)
				.role(Role.NATIONAL_ADMIN, ok, ok)
				.role(Role.FEDERATION, forbidden, notFound)
				.role(Role.REVIEWER, forbidden, notFound);
		}
		// Approvals, their documents and milestones: the Caf only.
		for (String caf : List.of("GET /registre/{id}/agrements/nouveau", "POST /registre/{id}/agrements/nouveau",
				"POST /registre/{id}/agrements/{approvalId}/documents", "POST /registre/{id}/jalons/{milestoneId}",
				"GET /registre/{id}/agrements/{approvalId}/modifier",
				"POST /registre/{id}/agrements/{approvalId}/modifier",
				"POST /registre/{id}/documents/{documentId}/supprimer")) {
			expect(caf).anonymous(signIn)
				.everyone(forbidden, notFound)
				.role(Role.NATIONAL_ADMIN, ok, ok)
				.role(Role.CAF_ADVISOR, ok, notFound);
		}
	}

	/** The registry's import and export. */
	private static void registryImportExportRoutes(Outcome ok, Outcome signIn, Outcome forbidden, Outcome notFound) {
		// Importing is editing the registry: national admins anywhere, Caf advisors in
		// their département (the form pages answer both; lines are checked against the
		// scope). An empty upload and an unknown stored file answer the page with a
		// message.
		for (String importRoute : List.of("GET /registre/import", "POST /registre/import",
				"POST /registre/import/confirmer", "GET /registre/import/modele.csv",
				"GET /registre/import/modele.xlsx")) {
			expect(importRoute).anonymous(signIn)
				.everyone(forbidden, forbidden)
				.role(Role.NATIONAL_ADMIN, ok, ok)
				.role(Role.CAF_ADVISOR, ok, ok);
		}
		// Everyone with a role exports the registry of their own scope.
		for (String export : List.of("GET /registre/export.csv", "GET /registre/export.xlsx")) {
			expect(export).anonymous(signIn).everyone(ok, ok);
		}
	}

	/** The public directory, its API and the open data. */
	private static void directoryRoutes(Outcome ok, Outcome signIn, Outcome forbidden, Outcome notFound) {
		for (String route : List.of("GET /annuaire", "GET /annuaire/{id}", "GET /api/v1/structures",
				"GET /api/v1/structures/{id}", "GET /api/v1/open-data/structures.data-inclusion.json",
				"GET /api/v1/open-data/structures.data-inclusion.csv")) {
			expect(route).anonymous(ok).everyone(ok, ok);
		}
	}

	/**
	 * The observatory's territory coverage, public: {@code {code}} is the
	 * Pyrénées-Orientales; an unknown département is tested in {@code CoveragePagesTest}.
	 */
	private static void coverageRoutes(Outcome ok) {
		for (String route : List.of("GET /observatoire/couverture", "GET /observatoire/couverture.csv",
				"GET /observatoire/couverture.xlsx", "GET /observatoire/couverture/departements/{code}",
				"GET /observatoire/couverture/departements/{code}.csv",
				"GET /observatoire/couverture/departements/{code}.xlsx")) {
			expect(route).anonymous(ok).everyone(ok, ok);
		}
	}

	/**
	 * Campaigns and answer pages: {@code {responseId}} is the sample centre social's
	 * response to the latest campaign, {@code {section}} its first section.
	 */
	private static void campaignRoutes(Outcome ok, Outcome signIn, Outcome forbidden, Outcome notFound) {
		// {campaignId} is the latest campaign (the demo's current one, opened already: a
		// second opening is refused with a message, and sends nothing).
		for (String admin : List.of("GET /admin/campagnes", "POST /admin/campagnes",
				"GET /admin/campagnes/{campaignId}", "GET /admin/campagnes/{campaignId}/cible.csv",
				"POST /admin/campagnes/{campaignId}/ouverture", "POST /admin/campagnes/{campaignId}/relances")) {
			expect(admin).anonymous(signIn).everyone(forbidden, forbidden).role(Role.NATIONAL_ADMIN, ok, ok);
		}
		// Everyone signed in has a list (empty without a structure role) and a token.
		expect("GET /reponses").anonymous(signIn).everyone(ok, ok);
		expect("GET /reponses/jeton").anonymous(signIn).everyone(ok, ok);
		// Reading a response: whoever's scope covers its structure.
		for (String read : List.of("GET /reponses/{responseId}", "GET /reponses/{responseId}/sections/{section}",
				"GET /reponses/{responseId}/historique", "GET /reponses/{responseId}/soumettre",
				"GET /reponses/{responseId}/impression")) {
			expect(read).anonymous(signIn).everyone(ok, notFound).role(Role.NATIONAL_ADMIN, ok, ok);
		}
		// Answering and submitting: the structure's own people only.
		for (String answer : List.of("POST /reponses/{responseId}/valeurs",
				"POST /reponses/{responseId}/sections/{section}", "POST /reponses/{responseId}/soumettre")) {
			expect(answer).anonymous(signIn)
				.everyone(forbidden, forbidden)
				.role(Role.STRUCTURE_MANAGER, ok, notFound)
				.role(Role.STRUCTURE_STAFF, ok, notFound);
		}
		// Review: reviewers, Caf advisors and federations of the structure's département
		// comment and return; validating is not the federation's (permissions.md).
		expect("GET /revue").anonymous(signIn)
			.everyone(forbidden, forbidden)
			.role(Role.NATIONAL_ADMIN, ok, ok)
			.role(Role.CAF_ADVISOR, ok, ok)
			.role(Role.FEDERATION, ok, ok)
			.role(Role.REVIEWER, ok, ok);
		for (String review : List.of("GET /revue/{responseId}", "GET /revue/{responseId}/historique",
				"POST /revue/{responseId}/commentaires", "POST /revue/{responseId}/renvoi")) {
			expect(review).anonymous(signIn)
				.everyone(forbidden, forbidden)
				.role(Role.NATIONAL_ADMIN, ok, ok)
				.role(Role.CAF_ADVISOR, ok, notFound)
				.role(Role.FEDERATION, ok, notFound)
				.role(Role.REVIEWER, ok, notFound);
		}
		for (String validation : List.of("POST /revue/{responseId}/validation",
				"POST /revue/{responseId}/devalidation")) {
			expect(validation).anonymous(signIn)
				.everyone(forbidden, forbidden)
				.role(Role.NATIONAL_ADMIN, ok, ok)
				.role(Role.CAF_ADVISOR, ok, notFound)
				.role(Role.REVIEWER, ok, notFound);
		}
		// Deadline extensions: Caf advisors in scope and the national administration.
		expect("POST /reponses/{responseId}/prolongation").anonymous(signIn)
			.everyone(forbidden, forbidden)
			.role(Role.NATIONAL_ADMIN, ok, ok)
			.role(Role.CAF_ADVISOR, ok, notFound);
		trackingRoutes(ok, signIn, forbidden, notFound);
	}

	/**
	 * Tracking, reminders and exports: for those who follow a territory, never a
	 * structure's people. {@code {code}} is the Pyrénées-Orientales, {@code {responseId}}
	 * the sample response (in progress: a reminder is sent, or was already today).
	 */
	private static void trackingRoutes(Outcome ok, Outcome signIn, Outcome forbidden, Outcome notFound) {
		for (String everywhere : List.of("GET /suivi", "GET /suivi/export")) {
			expect(everywhere).anonymous(signIn)
				.everyone(ok, ok)
				.role(Role.STRUCTURE_MANAGER, forbidden, forbidden)
				.role(Role.STRUCTURE_STAFF, forbidden, forbidden);
		}
		for (String inScope : List.of("GET /suivi/departements/{code}", "POST /suivi/departements/{code}/relances",
				"POST /suivi/reponses/{responseId}/relance")) {
			expect(inScope).anonymous(signIn)
				.everyone(ok, notFound)
				.role(Role.NATIONAL_ADMIN, ok, ok)
				.role(Role.STRUCTURE_MANAGER, forbidden, forbidden)
				.role(Role.STRUCTURE_STAFF, forbidden, forbidden);
		}
	}

	/** Paths where {@code {id}} is a structure. */
	static final List<String> STRUCTURE_PATHS = List.of("/registre/", "/annuaire/", "/api/v1/structures/");

	/**
	 * Spring's own error endpoint serves every method; it only renders the error page.
	 */
	static final Set<String> FRAMEWORK_ROUTES = Set.of("/error");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping controllers;

	private long samplePersonId;

	private String sampleStructureId;

	private long sampleApprovalId;

	private long sampleMilestoneId;

	private long sampleDocumentId;

	private long sampleResponseId;

	private long sampleCampaignId;

	@BeforeEach
	void locateSamples() {
		this.samplePersonId = this.jdbc.sql("select id from app_user where email = ?")
			.param(SAMPLE_PERSON)
			.query(Long.class)
			.single();
		this.sampleStructureId = this.jdbc
			.sql("select scope_code from role_assignment where user_id = ? and role = 'STRUCTURE_STAFF'")
			.param(this.samplePersonId)
			.query(String.class)
			.single();
		// The sample structure's current approval, one of its milestones and a document.
		this.sampleApprovalId = this.jdbc.sql("select approval_id from structure_main_approval where structure_id = ?")
			.param(Long.parseLong(this.sampleStructureId))
			.query(Long.class)
			.single();
		this.sampleMilestoneId = this.jdbc.sql("select min(id) from renewal_milestone where approval_id = ?")
			.param(this.sampleApprovalId)
			.query(Long.class)
			.single();
		this.sampleDocumentId = this.jdbc.sql("""
				insert into approval_document (approval_id, file_name, media_type, size_bytes, content, uploaded_at)
				values (?, 'projet-social.pdf', 'application/pdf', 9, '%PDF-1.7 '::bytea, now()) returning id""")
			.param(this.sampleApprovalId)
			.query(Long.class)
			.single();
		// The sample structure's response to the latest campaign (one is made if the demo
		// has none).
		long campaignId = this.jdbc.sql("select id from campaign order by data_year desc limit 1")
			.query(Long.class)
			.optional()
			.orElseGet(() -> this.jdbc.sql("""
					insert into campaign (data_year, opens_on, closes_on, questionnaire_version_id, created_at)
					values (2099, '2026-01-01', '2026-12-31', (select min(id) from questionnaire_version), now())
					returning id""").query(Long.class).single());
		this.jdbc.sql("""
				insert into response (campaign_id, structure_id, updated_at) values (?, ?, now())
				on conflict do nothing""").params(campaignId, Long.parseLong(this.sampleStructureId)).update();
		this.sampleCampaignId = campaignId;
		this.sampleResponseId = this.jdbc.sql("select id from response where campaign_id = ? and structure_id = ?")
			.params(campaignId, Long.parseLong(this.sampleStructureId))
			.query(Long.class)
			.single();
	}

	@Test
	void everyRouteHasAnExpectationForEveryRoleAndNoExpectationIsStale() {
		Set<String> served = new TreeSet<>();
		this.controllers.getHandlerMethods().keySet().forEach(mapping -> {
			Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
			for (String path : mapping.getPatternValues()) {
				if (FRAMEWORK_ROUTES.contains(path)) {
					continue;
				}
				assertThat(methods).as("route %s must name its HTTP method", path).isNotEmpty();
				methods.forEach(method -> served.add(method.name() + " " + path));
			}
		});
		assertThat(MATRIX).allSatisfy(
				expectation -> assertThat(expectation.byRole).as(expectation.route).containsOnlyKeys(Role.values()));
		assertThat(served).containsExactlyInAnyOrderElementsOf(MATRIX.stream().map(e -> e.route).toList());
	}

	@Test
	void everyRouteAnswersEachRoleAndScopeAsThePermissionsTableSays() throws Exception {
		List<String> mismatches = new ArrayList<>();
		for (Expectation expectation : MATRIX) {
			check(expectation, "anonymous", null, expectation.anonymous, mismatches);
			for (Role role : Role.values()) {
				check(expectation, role + " in scope", IN_SCOPE.get(role), expectation.byRole.get(role)[0], mismatches);
				check(expectation, role + " out of scope", OUT_OF_SCOPE.get(role), expectation.byRole.get(role)[1],
						mismatches);
			}
		}
		assertThat(mismatches).isEmpty();
	}

	private void check(Expectation expectation, String who, String email, Outcome expected, List<String> mismatches)
			throws Exception {
		restoreSamples();
		MvcResult result = this.mvc.perform(call(expectation.route, email)).andReturn();
		Outcome actual = outcomeOf(result);
		if (actual != expected) {
			mismatches.add("%s as %s: expected %s, got %s (%d)".formatted(expectation.route, who, expected, actual,
					result.getResponse().getStatus()));
		}
	}

	/**
	 * Calls change the samples: put them back (account enabled, its staff role present,
	 * the sample document).
	 */
	private void restoreSamples() {
		this.jdbc.sql("update app_user set enabled = true where id = ?").param(this.samplePersonId).update();
		this.jdbc.sql("""
				insert into role_assignment (user_id, role, scope_kind, scope_code, granted_at)
				values (?, 'STRUCTURE_STAFF', 'STRUCTURE', ?, now()) on conflict do nothing""")
			.params(this.samplePersonId, this.sampleStructureId)
			.update();
		// The sample response stays open to answers, whatever a call did to it.
		this.jdbc.sql("update response set status = 'IN_PROGRESS' where id = ?").param(this.sampleResponseId).update();
		// The sample document, which a call may have removed.
		this.jdbc.sql("""
				insert into approval_document (id, approval_id, file_name, media_type, size_bytes, content, uploaded_at)
				overriding system value
				values (?, ?, 'projet-social.pdf', 'application/pdf', 9, '%PDF-1.7 '::bytea, now())
				on conflict do nothing""").params(this.sampleDocumentId, this.sampleApprovalId).update();
	}

	private MockHttpServletRequestBuilder call(String route, String email) {
		String[] parts = route.split(" ", 2);
		Map<String, String> samples = new LinkedHashMap<>();
		samples.put("{code}", "66");
		samples.put("{region}", "76");
		samples.put("{format}", "csv");
		samples.put("{token}", "no-such-invitation-token");
		// {id} names a person, except in the questionnaires' routes, where it is the
		// national questionnaire, in the national administration's other pages, where the
		// sample (an e-mail, an erasure request) does not exist, and in the registry's
		// and
		// directory's, where it is the sample centre social.
		samples.put("{id}",
				parts[1].startsWith("/api/v1/questionnaires/") || parts[1].startsWith("/admin/questionnaires/")
						? sampleQuestionnaireId()
						: parts[1].startsWith("/admin/") ? "0" : STRUCTURE_PATHS.stream().anyMatch(parts[1]::startsWith)
								? this.sampleStructureId : Long.toString(this.samplePersonId));
		samples.put("{assignmentId}", Long.toString(sampleAssignmentId()));
		samples.put("{approvalId}", Long.toString(this.sampleApprovalId));
		samples.put("{milestoneId}", Long.toString(this.sampleMilestoneId));
		samples.put("{documentId}", Long.toString(this.sampleDocumentId));
		samples.put("{responseId}", Long.toString(this.sampleResponseId));
		samples.put("{campaignId}", Long.toString(this.sampleCampaignId));
		samples.put("{section}", "identite");
		String path = parts[1];
		for (Map.Entry<String, String> sample : samples.entrySet()) {
			path = path.replace(sample.getKey(), sample.getValue());
		}
		MockHttpServletRequestBuilder builder = request(HttpMethod.valueOf(parts[0]), path).with(csrf());
		FORM_SAMPLES.getOrDefault(parts[1], ignored -> Map.of()).apply(this.sampleStructureId).forEach(builder::param);
		if (email != null) {
			try {
				builder.with(user(this.accounts.loadUserByUsername(email)));
			}
			catch (RuntimeException ex) {
				throw new IllegalStateException("No demo account " + email + " for " + route, ex);
			}
		}
		return builder;
	}

	private String sampleQuestionnaireId() {
		return this.jdbc.sql("select min(id)::text from questionnaire_version").query(String.class).single();
	}

	private long sampleAssignmentId() {
		return this.jdbc.sql("select id from role_assignment where user_id = ? and role = 'STRUCTURE_STAFF'")
			.param(this.samplePersonId)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	/** Form fields some routes need, given the sample structure id. */
	static final Map<String, Function<String, Map<String, String>>> FORM_SAMPLES = new LinkedHashMap<>();

	static {
		FORM_SAMPLES.put("/api/v1/territories/communes", structure -> Map.of("departement", "66"));
		FORM_SAMPLES.put("/personnes/inviter", structure -> Map.of("email", "matrice@maillage.example", "displayName",
				"Personne de la matrice", "role", "STRUCTURE_STAFF", "scope", "STRUCTURE:" + structure));
		FORM_SAMPLES.put("/personnes/inviter-en-masse", structure -> Map.of("contenu",
				"email;nom;role;territoire\nmatrice@maillage.example;Matrice;STRUCTURE_STAFF;STRUCTURE:" + structure));
		FORM_SAMPLES.put("/personnes/inviter-en-masse/envoyer", structure -> Map.of("contenu",
				"email;nom;role;territoire\nmatrice@maillage.example;Matrice;STRUCTURE_STAFF;STRUCTURE:" + structure));
		FORM_SAMPLES.put("/invitation/{token}", structure -> Map.of("displayName", "X", "password",
				"Jardin-partagé-2026", "confirmation", "Jardin-partagé-2026"));
		FORM_SAMPLES.put("/compte", structure -> Map.of("displayName", "Nom inchangé"));
		FORM_SAMPLES.put("/reponses/{responseId}/valeurs",
				structure -> Map.of("champ", "jours_ouverture.0", "f.jours_ouverture.0", "220"));
		FORM_SAMPLES.put("/reponses/{responseId}/sections/{section}",
				structure -> Map.of("f.jours_ouverture.0", "221"));
		FORM_SAMPLES.put("/reponses/{responseId}/soumettre", structure -> Map.of("version", "0"));
		// The demo campaign's own reminder days, set again.
		FORM_SAMPLES.put("/admin/campagnes/{campaignId}/relances", structure -> Map.of("jours", "14, 7, 1"));
		FORM_SAMPLES.put("/revue/{responseId}/commentaires", structure -> Map.of("code", "", "texte", "Vu."));
		FORM_SAMPLES.put("/revue/{responseId}/renvoi", structure -> Map.of("version", "0"));
		FORM_SAMPLES.put("/revue/{responseId}/validation", structure -> Map.of("version", "0"));
		FORM_SAMPLES.put("/revue/{responseId}/devalidation", structure -> Map.of("version", "0"));
		FORM_SAMPLES.put("/reponses/{responseId}/prolongation", structure -> Map.of("until", "2027-02-14"));
		registryFormSamples();
		importExportFormSamples();
		directoryFormSamples();
		FORM_SAMPLES.put("/api/v1/figures", structure -> Map.of("territory", "departement:66"));
		FORM_SAMPLES.put("/api/v1/figures/versions", structure -> Map.of("territory", "departement:66"));
		FORM_SAMPLES.put("/api/v1/comparison", structure -> Map.of("like", "departement:66"));
	}

	/** Form fields of the registry's record pages. */
	private static void registryFormSamples() {
		FORM_SAMPLES.put("/registre/nouvelle", structure -> Map.of("name", "Centre social de la matrice", "kind", "CS",
				"communeCode", "66136", "status", "ACTIVE"));
		FORM_SAMPLES.put("/registre/{id}/modifier", structure -> Map.of("phone", "09 00 00 00 00"));
		FORM_SAMPLES.put("/registre/{id}/jalons/{milestoneId}", structure -> Map.of("doneOn", "2026-11-20"));
	}

	/** Form fields of the import and export routes. */
	private static void importExportFormSamples() {
		// No such stored file: the page says it is no longer available.
		FORM_SAMPLES.put("/registre/import/confirmer", structure -> Map.of("import", "0", "apercu", "0"));
	}

	/** Query parameters of the directory's routes. */
	private static void directoryFormSamples() {
		FORM_SAMPLES.put("/observatoire/export.{format}",
				structure -> Map.of("tableau", "chiffres", "territoire", "nation"));
		FORM_SAMPLES.put("/observatoire/definitif",
				structure -> Map.of("territoire", "departement:66", "annee", "1999"));
		FORM_SAMPLES.put("/observatoire/accord", structure -> Map.of("territoire", "departement:66", "annee", "1999"));
		FORM_SAMPLES.put("/annuaire", structure -> Map.of("q", "centre", "departement", "66"));
		FORM_SAMPLES.put("/api/v1/structures", structure -> Map.of("departement", "66", "kind", "CS"));
	}

	private static Outcome outcomeOf(MvcResult result) {
		int status = result.getResponse().getStatus();
		String location = result.getResponse().getRedirectedUrl();
		if (status == 403) {
			return Outcome.FORBIDDEN;
		}
		if (status == 404) {
			return Outcome.NOT_FOUND;
		}
		if (location != null && location.endsWith("/connexion")) {
			return Outcome.SIGN_IN;
		}
		return (status < 400) ? Outcome.OK : null;
	}

	static Expectation expect(String route) {
		Expectation expectation = new Expectation(route);
		MATRIX.add(expectation);
		return expectation;
	}

	/** The expected outcomes of one route. */
	static final class Expectation {

		final String route;

		Outcome anonymous;

		final Map<Role, Outcome[]> byRole = new EnumMap<>(Role.class);

		Expectation(String route) {
			this.route = route;
		}

		Expectation anonymous(Outcome outcome) {
			this.anonymous = outcome;
			return this;
		}

		Expectation role(Role role, Outcome inScope, Outcome outOfScope) {
			this.byRole.put(role, new Outcome[] { inScope, outOfScope });
			return this;
		}

		Expectation everyone(Outcome inScope, Outcome outOfScope) {
			for (Role role : Role.values()) {
				role(role, inScope, outOfScope);
			}
			return this;
		}

		@Override
		public String toString() {
			return this.route;
		}

	}

}
