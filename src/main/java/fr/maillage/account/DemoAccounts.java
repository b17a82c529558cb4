package fr.maillage.account;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import fr.maillage.shared.demo.DemoContext;
import fr.maillage.shared.demo.DemoDataStatus;
import fr.maillage.shared.demo.DemoDataStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * One demo account per role (fictional people), listed in the start log and the README.
 */
@Component
class DemoAccounts implements DemoDataStep {

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	/**
	 * Shared by every demo account; printed in the log, so never use demo mode for real
	 * data.
	 */
	static final String PASSWORD = "Maillage-demo-2026";

	record DemoAccount(Role role, String email, String displayName) {
	}

	static final List<DemoAccount> ACCOUNTS = List.of(
			new DemoAccount(Role.NATIONAL_ADMIN, "admin@maillage.example", "Claire Vasseur"),
			new DemoAccount(Role.CAF_ADVISOR, "conseillere.caf66@maillage.example", "Inès Roca"),
			new DemoAccount(Role.FEDERATION, "federation66@maillage.example", "Jordi Puig"),
			new DemoAccount(Role.REVIEWER, "correspondant66@maillage.example", "Marc Sabaté"),
			new DemoAccount(Role.STRUCTURE_MANAGER, "direction.cs@maillage.example", "Lucie Ferrer"),
			new DemoAccount(Role.STRUCTURE_STAFF, "equipe.cs@maillage.example", "Paul Garcia"));

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final ObjectProvider<DemoDataStatus> demoData;

	DemoAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, ObjectProvider<DemoDataStatus> demoData) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.demoData = demoData;
	}

	@Override
	public String name() {
		return "account.demo-accounts";
	}

	@Override
	public int order() {
		return 100;
	}

	@Override
	public boolean hasData() {
		return this.jdbc.sql("select exists (select 1 from app_user)").query(Boolean.class).single();
	}

	@Override
	public int load(DemoContext context) {
		OffsetDateTime created = context.referenceDate().minusYears(1).atStartOfDay().atOffset(ZoneOffset.UTC);
		String hash = this.passwordEncoder.encode(PASSWORD);
		int rows = 0;
		for (DemoAccount account : ACCOUNTS) {
			long id = this.jdbc.sql("""
					insert into app_user (email, display_name, password_hash, enabled, created_at)
					values (?, ?, ?, true, ?) returning id""")
				.params(account.email(), account.displayName(), hash, created)
				.query(Long.class)
				.single();
			rows += this.jdbc.sql("insert into user_role (user_id, role) values (?, ?)")
				.params(id, account.role().name())
				.update() + 1;
		}
		return rows;
	}

	@EventListener(ApplicationReadyEvent.class)
	void announce() {
		DemoDataStatus status = this.demoData.getIfAvailable();
		if (status == null || !status.present()) {
			return;
		}
		StringBuilder table = new StringBuilder("Demo accounts (fictional data), password for all: ").append(PASSWORD);
		ACCOUNTS.forEach(account -> table.append(System.lineSeparator())
			.append(String.format("  %-18s %s", account.role(), account.email())));
		log.info(table.toString());
	}

}
