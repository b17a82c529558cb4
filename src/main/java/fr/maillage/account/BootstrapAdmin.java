package fr.maillage.account;

import java.time.Clock;
import java.time.OffsetDateTime;

import fr.maillage.shared.security.Unscoped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * On a database with no account yet (a new installation on an external PostgreSQL),
 * {@code maillage.bootstrap-admin-email} creates the first national administrator and
 * logs a single-use link, valid 24 hours, to choose its password. A second factor is then
 * required at its first sign-in.
 */
@Component
@Unscoped("runs once at start, before anyone can sign in")
class BootstrapAdmin {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final PasswordResets resets;

	private final TransactionTemplate transactions;

	private final String email;

	private final String baseUrl;

	BootstrapAdmin(JdbcClient jdbc, Clock clock, PasswordResets resets, TransactionTemplate transactions,
			@Value("${maillage.bootstrap-admin-email:}") String email, @Value("${maillage.base-url}") String baseUrl) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.resets = resets;
		this.transactions = transactions;
		this.email = Emails.normalize(email);
		this.baseUrl = baseUrl;
	}

	@EventListener(ApplicationReadyEvent.class)
	void createFirstAdministrator() {
		if (!StringUtils.hasText(this.email)) {
			return;
		}
		if (!Emails.isPlausible(this.email)) {
			log.error("maillage.bootstrap-admin-email is not an e-mail address: {}", this.email);
			return;
		}
		String link = this.transactions.execute(status -> {
			if (this.jdbc.sql("select exists (select 1 from app_user)").query(Boolean.class).single()) {
				return null;
			}
			OffsetDateTime now = OffsetDateTime.now(this.clock);
			long id = this.jdbc
				.sql("""
						insert into app_user (email, display_name, enabled, created_at) values (?, ?, true, ?) returning id""")
				.params(this.email, this.email.replaceAll("@.*", ""), now)
				.query(Long.class)
				.single();
			this.jdbc.sql("""
					insert into role_assignment (user_id, role, scope_kind, granted_at)
					values (?, 'NATIONAL_ADMIN', 'NATION', ?)""").params(id, now).update();
			return this.resets.firstPasswordLink(id, this.baseUrl);
		});
		if (link != null) {
			log.warn("First national administrator {} created. Choose its password within 24 hours at: {}", this.email,
					link);
		}
	}

}
