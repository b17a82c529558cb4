package fr.maillage.account;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import fr.maillage.shared.demo.DemoContext;
import fr.maillage.shared.demo.DemoDataStatus;
import fr.maillage.shared.demo.DemoDataStep;
import fr.maillage.shared.security.Role;
import fr.maillage.shared.security.ScopeKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Demo accounts (fictional people): one per role listed first in the start log and the
 * README, then more of each role over five départements (Pyrénées-Orientales, Aude,
 * Hérault, Rhône, Seine-Saint-Denis) and a regional federation, so that scopes can be
 * seen at work. Structure roles go to the first centre social or EVS of the département.
 */
@Component
class DemoAccounts implements DemoDataStep {

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	/**
	 * Shared by every demo account; printed in the log, so never use demo mode for real
	 * data.
	 */
	static final String PASSWORD = "Maillage-demo-2026";

	/**
	 * A demo account.
	 *
	 * @param scope {@code NATION}, {@code REGION:76}, {@code DEPARTEMENT:66}, or
	 * {@code CS:66} / {@code EVS:66} for the first structure of that kind in the
	 * département
	 */
	record DemoAccount(Role role, String email, String displayName, String scope) {
	}

	/**
	 * One account per role: the ones the README lists and the browser tests sign in with.
	 */
	static final List<DemoAccount> ACCOUNTS = List.of(
			new DemoAccount(Role.NATIONAL_ADMIN, "admin@maillage.example", "Claire Vasseur", "NATION"),
			new DemoAccount(Role.CAF_ADVISOR, "conseillere.caf66@maillage.example", "Inès Roca", "DEPARTEMENT:66"),
			new DemoAccount(Role.FEDERATION, "federation66@maillage.example", "Jordi Puig", "DEPARTEMENT:66"),
			new DemoAccount(Role.REVIEWER, "correspondant66@maillage.example", "Marc Sabaté", "DEPARTEMENT:66"),
			new DemoAccount(Role.STRUCTURE_MANAGER, "direction.cs66@maillage.example", "Lucie Ferrer", "CS:66"),
			new DemoAccount(Role.STRUCTURE_STAFF, "equipe.cs66@maillage.example", "Paul Garcia", "CS:66"));

	/** More people of each role elsewhere, with their scope. */
	static final List<DemoAccount> MORE_ACCOUNTS = List.of(
			new DemoAccount(Role.NATIONAL_ADMIN, "admin2@maillage.example", "Karim Benali", "NATION"),
			new DemoAccount(Role.FEDERATION, "federation.occitanie@maillage.example", "Anne Castex", "REGION:76"),
			new DemoAccount(Role.STRUCTURE_MANAGER, "direction.evs66@maillage.example", "Joan Vidal", "EVS:66"),
			new DemoAccount(Role.CAF_ADVISOR, "conseiller.caf11@maillage.example", "Bruno Marty", "DEPARTEMENT:11"),
			new DemoAccount(Role.REVIEWER, "correspondante11@maillage.example", "Sophie Cazals", "DEPARTEMENT:11"),
			new DemoAccount(Role.STRUCTURE_MANAGER, "direction.cs11@maillage.example", "Hélène Bastide", "CS:11"),
			new DemoAccount(Role.CAF_ADVISOR, "conseillere.caf34@maillage.example", "Nadia Haddad", "DEPARTEMENT:34"),
			new DemoAccount(Role.FEDERATION, "federation34@maillage.example", "Olivier Roux", "DEPARTEMENT:34"),
			new DemoAccount(Role.STRUCTURE_MANAGER, "direction.cs34@maillage.example", "Camille Arnaud", "CS:34"),
			new DemoAccount(Role.STRUCTURE_STAFF, "equipe.evs34@maillage.example", "Léa Fabre", "EVS:34"),
			new DemoAccount(Role.CAF_ADVISOR, "conseiller.caf69@maillage.example", "Thomas Girard", "DEPARTEMENT:69"),
			new DemoAccount(Role.REVIEWER, "correspondant69@maillage.example", "Julien Perrin", "DEPARTEMENT:69"),
			new DemoAccount(Role.FEDERATION, "federation69@maillage.example", "Sarah Lambert", "DEPARTEMENT:69"),
			new DemoAccount(Role.STRUCTURE_MANAGER, "direction.cs69@maillage.example", "Mehdi Bouzid", "CS:69"),
			new DemoAccount(Role.STRUCTURE_STAFF, "equipe.cs69@maillage.example", "Émilie Chevalier", "CS:69"),
			new DemoAccount(Role.CAF_ADVISOR, "conseillere.caf93@maillage.example", "Aïssata Diallo", "DEPARTEMENT:93"),
			new DemoAccount(Role.REVIEWER, "correspondant93@maillage.example", "Vincent Leroy", "DEPARTEMENT:93"),
			new DemoAccount(Role.FEDERATION, "federation93@maillage.example", "Fatou Ndiaye", "DEPARTEMENT:93"),
			new DemoAccount(Role.STRUCTURE_MANAGER, "direction.cs93@maillage.example", "Yasmine Khelifi", "CS:93"),
			new DemoAccount(Role.STRUCTURE_STAFF, "equipe.evs93@maillage.example", "Hugo Moreau", "EVS:93"));

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final ObjectProvider<DemoDataStatus> demoData;

	DemoAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, ObjectProvider<DemoDataStatus> demoData) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.demoData = demoData;
	}

	static List<DemoAccount> all() {
		return Stream.concat(ACCOUNTS.stream(), MORE_ACCOUNTS.stream()).toList();
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
		int index = 0;
		for (DemoAccount account : all()) {
			// Recent sign-ins, so that no demo account looks unused for a year.
			OffsetDateTime lastLogin = context.referenceDate()
				.minusDays(1 + (index++ % 20))
				.atTime(9, 30)
				.atOffset(ZoneOffset.UTC);
			RoleAssignment assignment = resolve(account);
			if (assignment == null) {
				continue; // a département the demo size leaves out
			}
			long id = this.jdbc.sql("""
					insert into app_user (email, display_name, password_hash, enabled, created_at, last_login_at)
					values (?, ?, ?, true, ?, ?) returning id""")
				.params(account.email(), account.displayName(), hash, created, lastLogin)
				.query(Long.class)
				.single();
			rows += this.jdbc.sql("""
					insert into role_assignment (user_id, role, scope_kind, scope_code, granted_at)
					values (?, ?, ?, ?, ?)""")
				.params(id, assignment.role().name(), assignment.scopeKind().name(), assignment.scopeCode(), created)
				.update() + 1;
			if (account.role() == Role.NATIONAL_ADMIN) {
				// National administrators must use a second factor: theirs is known, and
				// printed.
				this.jdbc.sql("update app_user set totp_secret = ?, totp_enabled_at = ? where id = ?")
					.params(SecondFactor.demoSecret(context.seed(), account.email()), created, id)
					.update();
			}
		}
		return rows;
	}

	private RoleAssignment resolve(DemoAccount account) {
		String[] scope = account.scope().split(":");
		return switch (scope[0]) {
			case "NATION" -> new RoleAssignment(0, account.role(), ScopeKind.NATION, null);
			case "REGION" -> new RoleAssignment(0, account.role(), ScopeKind.REGION, scope[1]);
			case "DEPARTEMENT" -> new RoleAssignment(0, account.role(), ScopeKind.DEPARTEMENT, scope[1]);
			default ->
				this.jdbc.sql("select id from structure where kind = ? and departement_code = ? order by id limit 1")
					.params(scope[0], scope[1])
					.query(Long.class)
					.optional()
					.map(id -> new RoleAssignment(0, account.role(), ScopeKind.STRUCTURE, Long.toString(id)))
					.orElse(null);
		};
	}

	@EventListener(ApplicationReadyEvent.class)
	void announce() {
		DemoDataStatus status = this.demoData.getIfAvailable();
		if (status == null || !status.present()) {
			return;
		}
		long seed = this.jdbc.sql("select seed from demo_data_run").query(Long.class).single();
		List<String> lines = new ArrayList<>();
		lines.add("Demo accounts (fictional data), password for all: " + PASSWORD);
		ACCOUNTS.forEach(account -> lines
			.add(String.format("  %-18s %s%s", account.role(), account.email(), (account.role() == Role.NATIONAL_ADMIN)
					? "  (second factor, TOTP secret " + SecondFactor.demoSecret(seed, account.email()) + ")" : "")));
		lines.add("  and " + MORE_ACCOUNTS.size() + " more, listed in the README");
		log.info(String.join(System.lineSeparator(), lines));
	}

}
