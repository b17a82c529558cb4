package fr.maillage.notification;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import fr.maillage.shared.web.NotFoundException;
import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The "Courriels" pages of the national administration. */
@MaillageIntegrationTest
@AutoConfigureMockMvc
class OutboxAdminPagesTest {

	private static final Pattern ROW = Pattern.compile("<tr data-status=\"(\\w+)\">");

	@Autowired
	MockMvc mvc;

	@Autowired
	EmailOutbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void listsTheEmailsNewestFirstWithTheirStatus() throws Exception {
		queue("premiere@maillage.example");
		queue("seconde@maillage.example");

		String page = this.mvc.perform(asAdmin(get("/admin/courriels")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1>Courriels</h1>")))
			.andExpect(content().string(containsString("<caption>Courriels, du plus récent au plus ancien")))
			.andExpect(content().string(containsString("<th scope=\"col\">Destinataire</th>")))
			.andExpect(content().string(containsString(">Invitation à rejoindre Maillage</a>")))
			.andExpect(content().string(containsString("<td class=\"text-nowrap\">En attente</td>")))
			.andExpect(content().string(containsString("<td class=\"text-nowrap\">27/11/2026 11:00</td>")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.indexOf("seconde@maillage.example")).isPositive()
			.isLessThan(page.indexOf("premiere@maillage.example"));
	}

	@Test
	void filtersByStatus() throws Exception {
		long sent = queue("envoye@maillage.example");
		queue("en-attente@maillage.example");
		this.jdbc.sql("update email_outbox set status = 'SENT', sent_at = created_at where id = ?")
			.param(sent)
			.update();

		String page = this.mvc.perform(asAdmin(get("/admin/courriels").param("statut", "SENT")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("envoye@maillage.example")))
			.andExpect(content().string(not(containsString("en-attente@maillage.example"))))
			.andExpect(content().string(containsString("<option value=\"SENT\" selected=\"selected\">Envoyé</option>")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(statuses(page)).isNotEmpty().containsOnly("SENT");

		this.mvc.perform(asAdmin(get("/admin/courriels").param("statut", "FAILED")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Aucun courriel ne correspond à ce filtre.")));
	}

	@Test
	void showsFiftyEmailsPerPage() throws Exception {
		this.transactions.executeWithoutResult(transaction -> IntStream.range(0, 51)
			.forEach(i -> this.outbox.enqueue(invitation("page" + i + "@maillage.example"))));
		long total = this.jdbc.sql("select count(*) from email_outbox").query(Long.class).single();
		long pages = (total + 49) / 50;

		String first = this.mvc.perform(asAdmin(get("/admin/courriels")))
			.andExpect(content().string(containsString("<nav aria-label=\"Pages de la liste des courriels\">")))
			.andExpect(content().string(containsString("Page 1 sur " + pages)))
			.andExpect(content().string(containsString("href=\"/admin/courriels?statut=&amp;page=2\"")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(statuses(first)).hasSize(50);
		assertThat(first).contains("page50@maillage.example").doesNotContain("page0@maillage.example");

		String last = this.mvc.perform(asAdmin(get("/admin/courriels").param("page", String.valueOf(pages))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Page précédente")))
			.andExpect(content().string(not(containsString("Page suivante"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(statuses(last)).hasSize((int) (total - 50 * (pages - 1)));
	}

	@Test
	void showsOneEmailWithItsTextVersionAndALinkToItsHtmlVersion() throws Exception {
		long id = queue("detail@maillage.example");
		String messageId = this.jdbc.sql("select message_id from email_outbox where id = ?")
			.param(id)
			.query(String.class)
			.single();

		this.mvc.perform(asAdmin(get("/admin/courriels/{id}", id)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1>Invitation à rejoindre Maillage</h1>")))
			.andExpect(content().string(containsString("<dd class=\"col-sm-8\">detail@maillage.example</dd>")))
			.andExpect(content().string(containsString("Claire Vasseur vous invite à rejoindre Maillage")))
			.andExpect(content().string(containsString("<pre class=\"email-text\">Bonjour,")))
			.andExpect(content().string(containsString(messageId.replace("<", "&lt;").replace(">", "&gt;"))))
			.andExpect(content().string(containsString("href=\"/admin/courriels/" + id + "/html\"")));
	}

	@Test
	void servesTheHtmlVersionAloneUnderAPolicyThatAllowsOnlyItsInlineStyles() throws Exception {
		long id = queue("html@maillage.example");
		String html = this.jdbc.sql("select body_html from email_outbox where id = ?")
			.param(id)
			.query(String.class)
			.single();

		List<String> policies = this.mvc.perform(asAdmin(get("/admin/courriels/{id}/html", id)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/html;charset=UTF-8"))
			.andExpect(content().string(html))
			.andExpect(header().string("Content-Disposition", "inline"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andReturn()
			.getResponse()
			.getHeaders("Content-Security-Policy");
		assertThat(policies).containsExactly(OutboxAdminController.HTML_VERSION_POLICY);
		assertThat(policies.getFirst()).startsWith("default-src 'none'; style-src 'unsafe-inline'; img-src data:")
			.contains("sandbox");
	}

	/**
	 * The servlet container then renders the French 404 page
	 * (ErrorPagesAndUndeclaredRoutesTest).
	 */
	@Test
	void anUnknownEmailIsNotFound() throws Exception {
		for (String path : List.of("/admin/courriels/{id}", "/admin/courriels/{id}/html")) {
			this.mvc.perform(asAdmin(get(path, Long.MAX_VALUE)))
				.andExpect(status().isNotFound())
				.andExpect(result -> assertThat(result.getResolvedException()).isInstanceOf(NotFoundException.class)
					.hasMessage("outbox.email.unknown"));
		}
	}

	private static MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
		return request.with(user("admin@maillage.example").roles("NATIONAL_ADMIN")).accept("text/html");
	}

	private static List<String> statuses(String page) {
		return ROW.matcher(page).results().map(result -> result.group(1)).toList();
	}

	private long queue(String to) {
		return this.transactions.execute(transaction -> this.outbox.enqueue(invitation(to)));
	}

	private OutgoingEmail invitation(String to) {
		return OutgoingEmail.invitation(to, "Claire Vasseur", "Direction de structure", "Centre social Les Tilleuls",
				URI.create("https://maillage.example/invitations/abc"), this.clock.instant().plus(Duration.ofDays(7)));
	}

}
