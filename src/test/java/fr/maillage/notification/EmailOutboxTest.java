package fr.maillage.notification;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Queuing and rendering, in the usual test context: no SMTP server is configured there
 * ("demo mode").
 */
@MaillageIntegrationTest
class EmailOutboxTest {

	@Autowired
	EmailOutbox outbox;

	@Autowired
	OutboxRepository repository;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	ApplicationContext context;

	@Test
	void refusesToQueueOutsideATransaction() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.outbox.enqueue(passwordReset("sans-transaction@maillage.example")))
			.withMessageContaining("transaction");
		assertThat(countFor("sans-transaction@maillage.example")).isZero();
	}

	@Test
	void withoutAnSmtpServerNothingIsSentAndEmailsWaitInTheOutbox() {
		long id = queue(passwordReset("demo@maillage.example"));

		assertThat(this.context.getBeanProvider(OutboxSender.class).getIfAvailable()).isNull();
		assertThat(this.context.getBeanProvider(OutboxSchedule.class).getIfAvailable()).isNull();
		assertThat(this.context.getBeanProvider(JavaMailSender.class).getIfAvailable()).isNull();
		StoredEmail stored = this.repository.find(id).orElseThrow();
		assertThat(stored.status()).isEqualTo(EmailStatus.PENDING);
		assertThat(stored.attempts()).isZero();
		assertThat(stored.sentAt()).isNull();
	}

	@Test
	void rendersTheInvitationInFrenchWithItsLinkDeadlineAndFooter() {
		StoredEmail email = this.repository.find(queue(OutgoingEmail.invitation("nouvelle@maillage.example",
				"Inès <b>Roca</b>", "Direction de structure", "Centre social Les Tilleuls (Perpignan)",
				URI.create("https://maillage.example/invitations/k9?a=1&b=2"),
				this.clock.instant().plus(Duration.ofDays(7)))))
			.orElseThrow();

		assertThat(email.subject()).isEqualTo("Invitation à rejoindre Maillage");
		assertThat(email.template()).isEqualTo("invitation");
		assertThat(email.bodyText()).startsWith("Bonjour,\n\nInès <b>Roca</b> vous invite à rejoindre Maillage")
			.contains("Rôle proposé : Direction de structure, pour Centre social Les Tilleuls (Perpignan).")
			.contains("ouvrez ce lien :\nhttps://maillage.example/invitations/k9?a=1&b=2\n")
			.contains("valable jusqu’au vendredi 4 décembre 2026 à 11:00")
			.contains("\n-- \nCe courriel vous a été envoyé automatiquement par Maillage")
			.contains("écrivez à l’administration nationale de la plateforme : contact@maillage.example.")
			.doesNotContain("??", "[(", "Variables");
		assertThat(email.bodyHtml()).startsWith("<!DOCTYPE html>")
			.contains("<title>Invitation à rejoindre Maillage</title>")
			.contains("Inès &lt;b&gt;Roca&lt;/b&gt; vous invite")
			.contains("href=\"https://maillage.example/invitations/k9?a=1&amp;b=2\"")
			.contains("valable jusqu’au vendredi 4 décembre 2026 à 11:00")
			.contains("contact@maillage.example")
			.doesNotContain("??", "th:text", "xmlns:th", "Variables");
	}

	@Test
	void rendersThePasswordResetEmail() {
		StoredEmail email = this.repository.find(queue(passwordReset("oubli@maillage.example"))).orElseThrow();

		assertThat(email.subject()).isEqualTo("Choisir un nouveau mot de passe Maillage");
		assertThat(email.bodyText()).contains("https://maillage.example/mot-de-passe/z42")
			.contains("Ce lien ne sert qu’une fois, jusqu’au vendredi 27 novembre 2026 à 12:00.")
			.doesNotContain("??");
		assertThat(email.bodyHtml()).contains("href=\"https://maillage.example/mot-de-passe/z42\"")
			.contains("Choisir un nouveau mot de passe")
			.doesNotContain("??");
	}

	@Test
	void refusesWhatCouldNeverBeSent() {
		assertThatIllegalArgumentException().isThrownBy(() -> queue(passwordReset("pas-une-adresse")));
		assertThatIllegalArgumentException().isThrownBy(() -> OutgoingEmail.passwordReset("relatif@maillage.example",
				URI.create("/mot-de-passe/z42"), this.clock.instant()));
		assertThatException()
			.isThrownBy(() -> queue(new OutgoingEmail("modele@maillage.example", "no-such-template", Map.of())));
		assertThat(countFor("modele@maillage.example")).isZero();
	}

	private long queue(OutgoingEmail email) {
		return this.transactions.execute(transaction -> this.outbox.enqueue(email));
	}

	private OutgoingEmail passwordReset(String to) {
		return OutgoingEmail.passwordReset(to, URI.create("https://maillage.example/mot-de-passe/z42"),
				this.clock.instant().plus(Duration.ofHours(1)));
	}

	private long countFor(String recipient) {
		return this.jdbc.sql("select count(*) from email_outbox where recipient = ?")
			.param(recipient)
			.query(Long.class)
			.single();
	}

}
