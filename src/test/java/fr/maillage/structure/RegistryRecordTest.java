package fr.maillage.structure;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.security.core.userdetails.UserDetailsService;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The registry's record pages under the permissions table: who creates, edits and records
 * approvals, and what bad input gets — a French message by the field, nothing stored.
 */
@MaillageIntegrationTest
@AutoConfigureMockMvc
class RegistryRecordTest {

	static final String ADVISOR_66 = "conseillere.caf66@maillage.example";

	static final String STAFF_66 = "equipe.cs66@maillage.example";

	static final String STAFF_69 = "equipe.cs69@maillage.example";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	private RequestPostProcessor as(String email) {
		return user(this.accounts.loadUserByUsername(email));
	}

	/** The structure the demo staff member of 66 works in. */
	private long staffStructure() {
		return this.jdbc.sql("""
				select ra.scope_code::bigint from role_assignment ra join app_user u on u.id = ra.user_id
				where u.email = ? and ra.role = 'STRUCTURE_STAFF'""").param(STAFF_66).query(Long.class).single();
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(List.of(params)).query(Long.class).single();
	}

	@Test
	void anAdvisorCreatesAStructureAfterFixingItsSiret() throws Exception {
		long before = count("select count(*) from structure");
		this.mvc
			.perform(post("/registre/nouvelle").with(as(ADVISOR_66))
				.with(csrf())
				.param("name", "Centre social Les Capucines")
				.param("kind", "CS")
				.param("communeCode", "66136")
				.param("postalCode", "66000")
				.param("siret", "120 027 016 00358")
				.param("status", "ACTIVE"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"siret-erreur\"")))
			.andExpect(content().string(containsString(
					"Le SIRET « 120 027 016 00358 » n’est pas valide (sa clé de contrôle ne correspond pas)")))
			.andExpect(content().string(containsString("value=\"Centre social Les Capucines\"")));
		assertThat(count("select count(*) from structure")).as("nothing stored").isEqualTo(before);

		this.mvc
			.perform(post("/registre/nouvelle").with(as(ADVISOR_66))
				.with(csrf())
				.param("name", "Centre social Les Capucines")
				.param("kind", "CS")
				.param("communeCode", "66136")
				.param("postalCode", "66000")
				.param("siret", "120 027 016 00357")
				.param("nearQpv", "true")
				.param("status", "ACTIVE"))
			.andExpect(redirectedUrlPattern("/registre/*"));
		long id = count("select id from structure where name = 'Centre social Les Capucines'");
		assertThat(count("select count(*) from audit_entry where action = 'structure.created' and object_id = ?",
				Long.toString(id)))
			.isEqualTo(1);
		this.mvc.perform(get("/registre/" + id).with(as(ADVISOR_66)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("12002701600357")))
			.andExpect(content().string(containsString("Dans ou à proximité d’un quartier prioritaire")));
	}

	@Test
	void anAdvisorCannotPlaceAStructureOutsideHerDepartement() throws Exception {
		this.mvc
			.perform(post("/registre/nouvelle").with(as(ADVISOR_66))
				.with(csrf())
				.param("name", "Centre social du Rhône")
				.param("kind", "CS")
				.param("communeCode", "69123")
				.param("status", "ACTIVE"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("n’est pas dans votre territoire")));
		assertThat(count("select count(*) from structure where name = 'Centre social du Rhône'")).isZero();
	}

	@Test
	void staffEditTheirContactFieldsButNotTheCafsNorAnotherStructure() throws Exception {
		long structure = staffStructure();
		this.mvc
			.perform(post("/registre/" + structure + "/modifier").with(as(STAFF_66))
				.with(csrf())
				.param("phone", "09 87 65 43 21")
				.param("history", "Fondé par des habitants du quartier."))
			.andExpect(redirectedUrlPattern("/registre/*"));
		assertThat(
				this.jdbc.sql("select phone from structure where id = ?").param(structure).query(String.class).single())
			.isEqualTo("09 87 65 43 21");
		String after = this.jdbc.sql("""
				select after::text from audit_entry where action = 'structure.updated' and object_id = ?
				order by id desc limit 1""").param(Long.toString(structure)).query(String.class).single();
		assertThat(after).contains("phone", "history").doesNotContain("\"name\"");

		// A forged request carrying one of the Caf's fields.
		this.mvc
			.perform(post("/registre/" + structure + "/modifier").with(as(STAFF_66))
				.with(csrf())
				.param("phone", "09 87 65 43 21")
				.param("name", "Rebaptisé"))
			.andExpect(status().isForbidden());
		// Staff of a Rhône centre: the structure is not theirs to know of.
		this.mvc.perform(get("/registre/" + structure + "/modifier").with(as(STAFF_69)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/registre/" + structure + "/modifier").with(as(STAFF_69))
				.with(csrf())
				.param("phone", "09 00 00 00 00"))
			.andExpect(status().isNotFound());
		assertThat(
				this.jdbc.sql("select phone from structure where id = ?").param(structure).query(String.class).single())
			.isEqualTo("09 87 65 43 21");
	}

	@Test
	void anApprovalLongerThanFourYearsIsRefusedAndAValidOneGetsItsMilestones() throws Exception {
		long structure = newEvs("Espace de vie sociale nouveau");
		long approvalsBefore = count("select count(*) from approval where structure_id = ?", structure);
		recordApproval(structure, "EVS", "01/01/2031", "31/12/2035").andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"endsOn-erreur\"")))
			.andExpect(content().string(containsString("Un agrément dure de 1 à 4 ans")));
		recordApproval(structure, "AG", "01/01/2031", "01/01/2030").andExpect(status().isOk())
			.andExpect(content().string(containsString("ne convient pas à ce type de structure")))
			.andExpect(content().string(containsString("La fin de l’agrément doit suivre son début")));
		assertThat(count("select count(*) from approval where structure_id = ?", structure)).isEqualTo(approvalsBefore);

		// Started in the past, ending in 10 months: the 12-month milestone is already
		// past.
		this.mvc
			.perform(post("/registre/" + structure + "/agrements/nouveau").with(as(ADVISOR_66))
				.with(csrf())
				.param("kind", "EVS")
				.param("startsOn", "01/10/2031")
				.param("endsOn", "30/09/2034")
				.param("projectAxes", "Jardins partagés\nRepas de quartier"))
			.andExpect(redirectedUrlPattern("/registre/*"));
		long approval = count("select max(id) from approval where structure_id = ?", structure);
		assertThat(this.jdbc
			.sql("select kind || ' ' || due_on || ' ' || notice from renewal_milestone"
					+ " where approval_id = ? order by due_on")
			.param(approval)
			.query(String.class)
			.list()).containsExactly("DIAGNOSTIC_12 2033-09-30 PENDING", "DIAGNOSTIC_8 2034-01-30 PENDING",
					"DEBATE_6 2034-03-30 PENDING", "COMMISSION_3 2034-06-30 PENDING");
		// An old approval recorded afterwards, for the history, silences nothing.
		recordApproval(structure, "EVS", "01/01/2020", "31/12/2022").andExpect(redirectedUrlPattern("/registre/*"));
		assertThat(
				count("select count(*) from renewal_milestone where approval_id = ? and notice = 'PENDING'", approval))
			.isEqualTo(4);
		// The older approvals' open milestones will not be announced any more.
		assertThat(count("""
				select count(*) from renewal_milestone m join approval a on a.id = m.approval_id
				where a.structure_id = ? and a.id <> ? and m.notice = 'PENDING'""", structure, approval)).isZero();
	}

	@Test
	void milestonesAlreadyPastWhenAnApprovalIsRecordedAreNeverAnnounced() throws Exception {
		long structure = newEvs("Espace de vie sociale sans agrément");
		recordApproval(structure, "EVS", "01/04/2026", "31/03/2028").andExpect(redirectedUrlPattern("/registre/*"));
		long approval = count("select max(id) from approval where structure_id = ?", structure);
		// Today is 27/11/2026: due 31/03/2027 (12 months) and later are pending.
		assertThat(this.jdbc
			.sql("select kind || ' ' || notice from renewal_milestone where approval_id = ?" + " order by due_on")
			.param(approval)
			.query(String.class)
			.list()).containsExactly("DIAGNOSTIC_12 PENDING", "DIAGNOSTIC_8 PENDING", "DEBATE_6 PENDING",
					"COMMISSION_3 PENDING");
		recordApproval(structure, "EVS", "01/01/2024", "31/03/2026").andExpect(redirectedUrlPattern("/registre/*"));
		long past = count("select max(id) from approval where structure_id = ?", structure);
		assertThat(this.jdbc.sql("select distinct notice from renewal_milestone where approval_id = ?")
			.param(past)
			.query(String.class)
			.list()).containsExactly("SKIPPED");
	}

	@Test
	void aCorrectedEndDateMovesTheMilestonesAndKeepsWhatWasDone() throws Exception {
		long structure = newEvs("Espace de vie sociale La Tramontane");
		recordApproval(structure, "EVS", "01/01/2025", "31/12/2027").andExpect(redirectedUrlPattern("/registre/*"));
		long approval = count("select max(id) from approval where structure_id = ?", structure);
		long diagnostic = count("select id from renewal_milestone where approval_id = ? and kind = 'DIAGNOSTIC_12'",
				approval);
		this.mvc
			.perform(post("/registre/" + structure + "/jalons/" + diagnostic).with(as(ADVISOR_66))
				.with(csrf())
				.param("doneOn", "2026-11-20")
				.param("note", "Lancé avec la mairie."))
			.andExpect(redirectedUrlPattern("/registre/*"));

		// A typo in the end date: 2027 for 2026. Too long a correction is refused first.
		this.mvc
			.perform(post("/registre/" + structure + "/agrements/" + approval + "/modifier").with(as(ADVISOR_66))
				.with(csrf())
				.param("startsOn", "01/01/2025")
				.param("endsOn", "31/12/2030"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Un agrément dure de 1 à 4 ans")));
		this.mvc
			.perform(post("/registre/" + structure + "/agrements/" + approval + "/modifier").with(as(ADVISOR_66))
				.with(csrf())
				.param("startsOn", "01/01/2025")
				.param("endsOn", "31/12/2026"))
			.andExpect(redirectedUrlPattern("/registre/*"));
		assertThat(this.jdbc
			.sql("select kind || ' ' || due_on || ' ' || notice || ' ' || coalesce(note, '-')"
					+ " from renewal_milestone where approval_id = ? order by due_on")
			.param(approval)
			.query(String.class)
			.list()).containsExactly("DIAGNOSTIC_12 2025-12-31 PENDING Lancé avec la mairie.",
					"DIAGNOSTIC_8 2026-04-30 SKIPPED -", "DEBATE_6 2026-06-30 SKIPPED -",
					"COMMISSION_3 2026-09-30 SKIPPED -");
		assertThat(count("select count(*) from audit_entry where action = 'approval.corrected' and object_id = ?",
				Long.toString(approval)))
			.isEqualTo(1);
	}

	@Test
	void anEvsThatBecomesACentreSocialKeepsItsHistory() throws Exception {
		long structure = count("""
				select s.id from structure s join structure_main_approval ma on ma.structure_id = s.id
				where s.kind = 'EVS' and s.departement_code = '66' and s.status = 'ACTIVE' order by s.id limit 1""");
		long approvals = count("select count(*) from approval where structure_id = ?", structure);
		String page = this.mvc.perform(get("/registre/" + structure + "/modifier").with(as(ADVISOR_66)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("name=\"kind\"");
		StructureRecord before = this.jdbc.sql(RegistryRepository.SELECT + " where s.id = ?")
			.param(structure)
			.query(RegistryRepository::record)
			.single();
		StructureForm form = StructureForm.of(before);
		var request = post("/registre/" + structure + "/modifier").with(as(ADVISOR_66)).with(csrf());
		// The form as the browser sends it: every field, boxes ticked as "true".
		form.setKind("CS");
		form.typed(java.util.EnumSet.allOf(StructureField.class))
			.forEach((field, value) -> request.param(field.parameter(),
					value.equals("oui") ? "true" : value.equals("non") ? "false" : value));
		this.mvc.perform(request).andExpect(redirectedUrlPattern("/registre/*"));

		assertThat(
				this.jdbc.sql("select kind from structure where id = ?").param(structure).query(String.class).single())
			.isEqualTo("CS");
		assertThat(count("select count(*) from approval where structure_id = ?", structure)).isEqualTo(approvals);
		// Its EVS approvals stay in its history; its next approval is a centre social's.
		this.mvc.perform(get("/registre/" + structure).with(as(ADVISOR_66)))
			.andExpect(content().string(containsString("<span>Espace de vie sociale</span>,")));
		recordApproval(structure, "EVS", "01/01/2032", "31/12/2035")
			.andExpect(content().string(containsString("ne convient pas à ce type de structure")));
	}

	@Test
	void documentsAreCheckedByTheirContentNotTheirName() throws Exception {
		long structure = staffStructure();
		long approval = count("select approval_id from structure_main_approval where structure_id = ?", structure);
		String upload = "/registre/" + structure + "/agrements/" + approval + "/documents";
		long before = count("select count(*) from approval_document where approval_id = ?", approval);

		byte[] program = { 0x4d, 0x5a, (byte) 0x90, 0, 3, 0, 0, 0 };
		this.mvc
			.perform(multipart(upload)
				.file(new MockMultipartFile("fichier", "projet-social.pdf", "application/pdf", program))
				.with(as(ADVISOR_66))
				.with(csrf()))
			.andExpect(flash().attribute("documentProblem", "approval.document.error.type"));
		this.mvc
			.perform(
					multipart(upload).file(new MockMultipartFile("fichier", "vide.pdf", "application/pdf", new byte[0]))
						.with(as(ADVISOR_66))
						.with(csrf()))
			.andExpect(flash().attribute("documentProblem", "approval.document.error.empty"));
		assertThat(count("select count(*) from approval_document where approval_id = ?", approval)).isEqualTo(before);

		// A Word document named as if it were a PDF: accepted as what it is.
		this.mvc
			.perform(multipart(upload)
				.file(new MockMultipartFile("fichier", "diagnostic.pdf", "application/pdf", docx()))
				.with(as(ADVISOR_66))
				.with(csrf()))
			.andExpect(flash().attribute("notice", "approval.document.added"));
		long document = count("select max(id) from approval_document where approval_id = ?", approval);
		this.mvc.perform(get("/registre/" + structure + "/documents/" + document).with(as(STAFF_66)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type",
					"application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")));
		// Staff see the documents of their own structure but may not add any.
		this.mvc
			.perform(multipart(upload).file(new MockMultipartFile("fichier", "a.pdf", "application/pdf",
					"%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)))
				.with(as(STAFF_66))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/registre/" + structure + "/documents/" + document).with(as(STAFF_69)))
			.andExpect(status().isNotFound());
		// Staff may not remove it; the Caf may.
		this.mvc
			.perform(post("/registre/" + structure + "/documents/" + document + "/supprimer").with(as(STAFF_66))
				.with(csrf()))
			.andExpect(status().isForbidden());
		// The document under another structure's address, both in the advisor's scope:
		// not
		// found, and nothing recorded under the wrong structure either.
		long other = count("select max(id) from structure where departement_code = '66' and id <> ?", structure);
		this.mvc.perform(get("/registre/" + other + "/documents/" + document).with(as(ADVISOR_66)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(multipart("/registre/" + other + "/agrements/" + approval + "/documents")
				.file(new MockMultipartFile("fichier", "a.pdf", "application/pdf",
						"%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)))
				.with(as(ADVISOR_66))
				.with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void theRenewalDashboardListsLateStructuresFirst() throws Exception {
		String page = this.mvc.perform(get("/registre/renouvellements").with(as(ADVISOR_66)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("(69)"))))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		int firstLate = page.indexOf("En retard");
		int firstUpcoming = page.indexOf("<td>Toutes les étapes");
		assertThat(firstLate).as("a late structure is listed").isPositive();
		List<String> dueDates = this.jdbc.sql("""
				select coalesce(min(m.due_on)::text, '') from structure s
				join structure_main_approval ma on ma.structure_id = s.id
				left join renewal_milestone m on m.approval_id = ma.approval_id and m.done_on is null
				where s.departement_code = '66' and s.status = 'ACTIVE'
				group by s.id having min(m.due_on) < date '2026-11-27'""").query(String.class).list();
		assertThat(dueDates).isNotEmpty();
		if (firstUpcoming > 0) {
			assertThat(firstLate).isLessThan(firstUpcoming);
		}
		this.mvc.perform(get("/registre/renouvellements").with(as(STAFF_66))).andExpect(status().isForbidden());
	}

	@Test
	void longListsArePagedWithLinksThatKeepTheFilters() throws Exception {
		this.mvc.perform(get("/registre").param("kind", "CS").with(as("admin@maillage.example")))
			.andExpect(content().string(containsString("kind=CS&amp;status=&amp;page=1\" rel=\"next\"")));
		this.mvc.perform(get("/registre/renouvellements").param("page", "1").with(as("admin@maillage.example")))
			.andExpect(content()
				.string(containsString("href=\"/registre/renouvellements?departement=&amp;page=0\" rel=\"prev\"")));
	}

	/** The Caf of 66 records an approval of the structure (no project). */
	private org.springframework.test.web.servlet.ResultActions recordApproval(long structure, String kind,
			String startsOn, String endsOn) throws Exception {
		return this.mvc.perform(post("/registre/" + structure + "/agrements/nouveau").with(as(ADVISOR_66))
			.with(csrf())
			.param("kind", kind)
			.param("startsOn", startsOn)
			.param("endsOn", endsOn));
	}

	/** A new espace de vie sociale in Eus (66), with no approval yet. */
	private long newEvs(String name) {
		return count("insert into structure (name, kind, commune_code) values (?, 'EVS', '66074') returning id", name);
	}

	private static byte[] docx() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

}
