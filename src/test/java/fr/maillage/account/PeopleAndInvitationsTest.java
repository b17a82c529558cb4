package fr.maillage.account;

import java.nio.charset.Charset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.shared.security.Role;
import fr.maillage.shared.security.ScopeKind;
import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MaillageIntegrationTest
@AutoConfigureMockMvc
class PeopleAndInvitationsTest {

	private static final Pattern LINK = Pattern.compile("/invitation/([A-Za-z0-9_-]{20,})");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountUserDetailsService accounts;

	@Test
	void anAdvisorInvitesAStructureStaffMemberWhoSetsAPasswordAndSignsIn() throws Exception {
		String structure = firstStructure("CS", "66");
		this.mvc
			.perform(post("/personnes/inviter").with(as("conseillere.caf66@maillage.example"))
				.with(csrf())
				.param("email", "  Nouvelle.Recrue@Exemple.FR ")
				.param("displayName", "Nouvelle Recrue")
				.param("role", "STRUCTURE_STAFF")
				.param("scope", "STRUCTURE:" + structure))
			.andExpect(redirectedUrl("/personnes"));

		String token = invitationToken("nouvelle.recrue@exemple.fr");
		this.mvc.perform(get("/invitation/" + token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Équipe de structure")));

		// A weak password: the form comes back with the rule, next to the field.
		this.mvc
			.perform(post("/invitation/" + token).with(csrf())
				.param("displayName", "Nouvelle Recrue")
				.param("password", "court")
				.param("confirmation", "court"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"password-erreur\"")))
			.andExpect(content().string(containsString("au moins 12 caractères")));

		this.mvc
			.perform(post("/invitation/" + token).with(csrf())
				.param("displayName", "Nouvelle Recrue")
				.param("password", "Jardin-partagé-2026")
				.param("confirmation", "Jardin-partagé-2026"))
			.andExpect(redirectedUrl("/connexion"));
		this.mvc
			.perform(post("/connexion").with(csrf())
				.param("email", "nouvelle.recrue@exemple.fr")
				.param("motDePasse", "Jardin-partagé-2026"))
			.andExpect(redirectedUrl("/espace"));
		assertThat(this.accounts.loadUserByUsername("nouvelle.recrue@exemple.fr").assignments())
			.containsExactly(new RoleAssignment(
					this.accounts.loadUserByUsername("nouvelle.recrue@exemple.fr").assignments().getFirst().id(),
					Role.STRUCTURE_STAFF, ScopeKind.STRUCTURE, structure));

		// The link works once only.
		this.mvc.perform(get("/invitation/" + token))
			.andExpect(content().string(containsString("Cette invitation a déjà servi")));
	}

	@Test
	void anExpiredLinkOffersANewInvitation() throws Exception {
		invite("conseillere.caf66@maillage.example", "retardataire@exemple.fr", "STRUCTURE_STAFF",
				"STRUCTURE:" + firstStructure("CS", "66"));
		String token = invitationToken("retardataire@exemple.fr");
		this.jdbc.sql("update invitation set expires_at = created_at - interval '1 day' where email = ?")
			.param("retardataire@exemple.fr")
			.update();

		this.mvc.perform(get("/invitation/" + token))
			.andExpect(content().string(containsString("Cette invitation a expiré")));
		this.mvc.perform(post("/invitation/" + token + "/renouveler").with(csrf()))
			.andExpect(content().string(containsString("Nouvelle invitation envoyée")));

		String newToken = invitationToken("retardataire@exemple.fr");
		assertThat(newToken).isNotEqualTo(token);
		this.mvc.perform(get("/invitation/" + newToken)).andExpect(content().string(containsString("Bienvenue")));
		this.mvc.perform(get("/invitation/" + token)).andExpect(content().string(not(containsString("Bienvenue"))));
	}

	@Test
	void invitingAnExistingAddressAddsTheRoleWithoutASecondAccount() throws Exception {
		invite("conseillere.caf66@maillage.example", "double.casquette@exemple.fr", "STRUCTURE_STAFF",
				"STRUCTURE:" + firstStructure("CS", "66"));
		acceptInvitation("double.casquette@exemple.fr");
		long before = countUsers();
		invite("conseillere.caf66@maillage.example", " Double.Casquette@Exemple.FR", "STRUCTURE_MANAGER",
				"STRUCTURE:" + firstStructure("EVS", "66"));
		assertThat(countUsers()).isEqualTo(before);
		assertThat(this.accounts.loadUserByUsername("double.casquette@exemple.fr").roles())
			.contains(Role.STRUCTURE_MANAGER, Role.STRUCTURE_STAFF);
	}

	@Test
	void nobodyInvitesThemselves() throws Exception {
		this.mvc
			.perform(inviteRequest("direction.cs66@maillage.example", "Direction.CS66@maillage.example",
					"STRUCTURE_STAFF", "STRUCTURE:" + firstStructure("CS", "66")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Vous ne pouvez pas vous attribuer un rôle vous-même")));
	}

	@Test
	void anInvitationToAnExistingAccountAddsTheRoleButNeverTouchesItsPassword() throws Exception {
		String structure = firstStructure("CS", "66");
		invite("conseillere.caf66@maillage.example", "deja.inscrite@exemple.fr", "STRUCTURE_STAFF",
				"STRUCTURE:" + structure);
		String oldLink = invitationToken("deja.inscrite@exemple.fr");
		// Before she uses it, the address gets an account by another invitation.
		invite("conseillere.caf66@maillage.example", "deja.inscrite@exemple.fr", "STRUCTURE_MANAGER",
				"STRUCTURE:" + firstStructure("EVS", "66"));
		acceptInvitation("deja.inscrite@exemple.fr");

		this.mvc.perform(get("/invitation/" + oldLink))
			.andExpect(content().string(containsString("Cette adresse a déjà un compte Maillage")));
		this.mvc
			.perform(post("/invitation/" + oldLink).with(csrf())
				.param("displayName", "Quelqu’un d’autre")
				.param("password", "Mot-de-passe-pirate-1")
				.param("confirmation", "Mot-de-passe-pirate-1"))
			.andExpect(redirectedUrl("/connexion"));
		this.mvc
			.perform(post("/connexion").with(csrf())
				.param("email", "deja.inscrite@exemple.fr")
				.param("motDePasse", "Jardin-partagé-2026"))
			.andExpect(redirectedUrl("/espace"));
		assertThat(this.accounts.loadUserByUsername("deja.inscrite@exemple.fr").roles()).contains(Role.STRUCTURE_STAFF,
				Role.STRUCTURE_MANAGER);
	}

	@Test
	void anInvitationLapsesWhenItsSenderLosesTheRightToGrantIt() throws Exception {
		String structure = firstStructure("CS", "66");
		invite("conseillere.caf66@maillage.example", "chef.ephemere@exemple.fr", "STRUCTURE_MANAGER",
				"STRUCTURE:" + structure);
		acceptInvitation("chef.ephemere@exemple.fr");
		invite("chef.ephemere@exemple.fr", "recrue@exemple.fr", "STRUCTURE_STAFF", "STRUCTURE:" + structure);
		String link = invitationToken("recrue@exemple.fr");
		this.mvc.perform(get("/invitation/" + link)).andExpect(content().string(containsString("Bienvenue")));

		AccountPrincipal chef = this.accounts.loadUserByUsername("chef.ephemere@exemple.fr");
		this.mvc
			.perform(post("/personnes/" + chef.id() + "/roles/" + chef.assignments().getFirst().id() + "/retirer")
				.with(as("conseillere.caf66@maillage.example"))
				.with(csrf()))
			.andExpect(redirectedUrl("/personnes/" + chef.id()));

		this.mvc.perform(get("/invitation/" + link))
			.andExpect(content().string(containsString("Cette invitation n’est plus valable")));
		this.mvc
			.perform(post("/invitation/" + link).with(csrf())
				.param("displayName", "Recrue")
				.param("password", "Jardin-partagé-2026")
				.param("confirmation", "Jardin-partagé-2026"))
			.andExpect(content().string(containsString("Cette invitation n’est plus valable")));
		assertThat(this.jdbc.sql("select count(*) from app_user where email = 'recrue@exemple.fr'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void refusesForgedRolesAndScopesAndStoresNothing() throws Exception {
		long invitations = countInvitations();
		String rhone = firstStructure("CS", "69");
		this.mvc
			.perform(inviteRequest("conseillere.caf66@maillage.example", "intrus@exemple.fr", "STRUCTURE_STAFF",
					"STRUCTURE:" + rhone))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(inviteRequest("conseillere.caf66@maillage.example", "intrus@exemple.fr", "NATIONAL_ADMIN",
					"NATION"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(inviteRequest("conseillere.caf66@maillage.example", "intrus@exemple.fr", "CAF_ADVISOR",
					"DEPARTEMENT:69"))
			.andExpect(status().isForbidden());
		this.mvc.perform(inviteRequest("conseillere.caf66@maillage.example", "intrus@exemple.fr", "GOD", "NATION"))
			.andExpect(status().isForbidden());
		assertThat(countInvitations()).isEqualTo(invitations);
	}

	@Test
	void explainsARoleThatCannotBeHeldOnTheChosenScope() throws Exception {
		this.mvc
			.perform(inviteRequest("conseillere.caf66@maillage.example", "quelquun@exemple.fr", "STRUCTURE_MANAGER",
					"DEPARTEMENT:66"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"scope-erreur\"")))
			.andExpect(content().string(containsString("Ce rôle ne peut pas être attribué sur ce territoire")));
	}

	@Test
	void previewsABulkFileLineByLineAndSendsNothingUntilItIsClean() throws Exception {
		String structure = firstStructure("CS", "66");
		String bad = """
				email;nom;role;territoire
				camille@exemple.fr;Camille;STRUCTURE_STAFF;STRUCTURE:%s
				pas-une-adresse;Dominique;STRUCTURE_STAFF;STRUCTURE:%s
				eden@exemple.fr;Eden;ADMIN;STRUCTURE:%s
				""".formatted(structure, structure, structure);
		long invitations = countInvitations();
		this.mvc
			.perform(multipart("/personnes/inviter-en-masse")
				.file(new MockMultipartFile("fichier", "equipe.csv", "text/csv",
						bad.getBytes(Charset.forName("windows-1252"))))
				.with(as("direction.cs66@maillage.example"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ligne 3, colonne « email » : adresse e-mail invalide")))
			.andExpect(content().string(containsString("Ligne 4, colonne « role » : rôle inconnu « ADMIN »")))
			.andExpect(content().string(not(containsString("Envoyer les"))));
		assertThat(countInvitations()).isEqualTo(invitations);

		String clean = "email;nom;role;territoire\r\nfrançois@exemple.fr;François Bénévole;STRUCTURE_STAFF;STRUCTURE:"
				+ structure + "\r\n";
		this.mvc
			.perform(multipart("/personnes/inviter-en-masse")
				.file(new MockMultipartFile("fichier", "equipe.csv", "text/csv",
						clean.getBytes(Charset.forName("windows-1252"))))
				.with(as("direction.cs66@maillage.example"))
				.with(csrf()))
			.andExpect(content().string(containsString("François Bénévole")))
			.andExpect(content().string(containsString("Envoyer les 1 invitations")));
		this.mvc
			.perform(post("/personnes/inviter-en-masse/envoyer").param("contenu", clean)
				.with(as("direction.cs66@maillage.example"))
				.with(csrf()))
			.andExpect(redirectedUrl("/personnes"));
		assertThat(countInvitations()).isEqualTo(invitations + 1);
		assertThat(invitationToken("françois@exemple.fr")).isNotBlank();
	}

	@Test
	void showsManagersOnlyThePeopleOfTheirScope() throws Exception {
		this.mvc.perform(get("/personnes").with(as("conseillere.caf66@maillage.example")))
			.andExpect(content().string(containsString("equipe.cs66@maillage.example")))
			.andExpect(content().string(not(containsString("equipe.cs69@maillage.example"))))
			.andExpect(content().string(not(containsString("admin@maillage.example"))));
		// A federation manages federations only: it does not see the centres' staff.
		this.mvc.perform(get("/personnes").with(as("federation66@maillage.example")))
			.andExpect(content().string(containsString("federation66@maillage.example")))
			.andExpect(content().string(not(containsString("equipe.cs66@maillage.example"))))
			.andExpect(content().string(not(containsString("conseillere.caf66@maillage.example"))));
		this.mvc.perform(get("/personnes").with(as("direction.cs66@maillage.example")))
			.andExpect(content().string(containsString("equipe.cs66@maillage.example")))
			.andExpect(content().string(not(containsString("conseillere.caf66@maillage.example"))));
	}

	@Test
	void aDeactivatedAccountIsSignedOutAtItsNextRequestAndCannotSignIn() throws Exception {
		invite("conseillere.caf66@maillage.example", "partant@exemple.fr", "STRUCTURE_STAFF",
				"STRUCTURE:" + firstStructure("CS", "66"));
		acceptInvitation("partant@exemple.fr");
		AccountPrincipal signedIn = this.accounts.loadUserByUsername("partant@exemple.fr");
		this.mvc.perform(get("/espace").with(user(signedIn))).andExpect(status().isOk());

		this.mvc
			.perform(post("/personnes/" + signedIn.id() + "/desactiver").with(as("conseillere.caf66@maillage.example"))
				.with(csrf()))
			.andExpect(redirectedUrl("/personnes/" + signedIn.id()));

		this.mvc.perform(get("/espace").with(user(signedIn))).andExpect(redirectedUrl("/connexion"));
		this.mvc
			.perform(post("/connexion").with(csrf())
				.param("email", "partant@exemple.fr")
				.param("motDePasse", "Jardin-partagé-2026"))
			.andExpect(redirectedUrl("/connexion?erreur"));
	}

	@Test
	void aRemovedRoleStopsWorkingAtTheNextRequest() throws Exception {
		invite("conseillere.caf66@maillage.example", "ex-direction@exemple.fr", "STRUCTURE_MANAGER",
				"STRUCTURE:" + firstStructure("CS", "66"));
		acceptInvitation("ex-direction@exemple.fr");
		AccountPrincipal signedIn = this.accounts.loadUserByUsername("ex-direction@exemple.fr");
		this.mvc.perform(get("/personnes").with(user(signedIn))).andExpect(status().isOk());

		long assignment = signedIn.assignments().getFirst().id();
		this.mvc
			.perform(post("/personnes/" + signedIn.id() + "/roles/" + assignment + "/retirer")
				.with(as("conseillere.caf66@maillage.example"))
				.with(csrf()))
			.andExpect(redirectedUrl("/personnes/" + signedIn.id()));

		this.mvc.perform(get("/personnes").with(user(signedIn))).andExpect(status().isForbidden());
	}

	private void invite(String manager, String email, String role, String scope) throws Exception {
		this.mvc.perform(inviteRequest(manager, email, role, scope)).andExpect(redirectedUrl("/personnes"));
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder inviteRequest(String manager,
			String email, String role, String scope) {
		return post("/personnes/inviter").with(as(manager))
			.with(csrf())
			.param("email", email)
			.param("displayName", "Personne invitée")
			.param("role", role)
			.param("scope", scope);
	}

	private void acceptInvitation(String email) throws Exception {
		this.mvc
			.perform(post("/invitation/" + invitationToken(email)).with(csrf())
				.param("displayName", "Personne invitée")
				.param("password", "Jardin-partagé-2026")
				.param("confirmation", "Jardin-partagé-2026"))
			.andExpect(redirectedUrl("/connexion"));
	}

	private RequestPostProcessor as(String email) {
		return user(this.accounts.loadUserByUsername(email));
	}

	/**
	 * The token of the newest invitation e-mailed to that address, read from the outbox.
	 */
	private String invitationToken(String email) {
		String body = this.jdbc.sql(
				"select body_text from email_outbox where recipient = ? and template = 'invitation' order by id desc limit 1")
			.param(email)
			.query(String.class)
			.single();
		Matcher link = LINK.matcher(body);
		assertThat(link.find()).as("an invitation link in %s", body).isTrue();
		return link.group(1);
	}

	private String firstStructure(String kind, String departement) {
		return this.jdbc
			.sql("select s.id::text from structure s where s.kind = ? and s.departement_code = ? order by s.id limit 1")
			.params(kind, departement)
			.query(String.class)
			.single();
	}

	private long countUsers() {
		return this.jdbc.sql("select count(*) from app_user").query(Long.class).single();
	}

	private long countInvitations() {
		return this.jdbc.sql("select count(*) from invitation").query(Long.class).single();
	}

}
