package fr.maillage.account;

import java.time.Duration;
import java.time.Instant;

import fr.maillage.support.HttpSession;
import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.MapSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session's last-access time moves by whole steps only, so that an autosave does not
 * write its session too; everything else reaches the stored session unchanged.
 */
@MaillageIntegrationTest
class LastAccessThrottleTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void requestsWithinAMinuteOfEachOtherLeaveTheStoredSessionAlone() throws Exception {
		HttpSession visitor = new HttpSession(this.port);
		String email = "equipe.cs66@maillage.example";
		assertThat(visitor.signIn(email, DemoAccounts.PASSWORD)).endsWith("/espace");
		long before = lastAccess(email);

		assertThat(visitor.get("/espace").statusCode()).isEqualTo(200);
		assertThat(visitor.get("/reponses").statusCode()).isEqualTo(200);

		assertThat(lastAccess(email)).isEqualTo(before);
	}

	private long lastAccess(String email) {
		return this.jdbc.sql("select max(last_access_time) from spring_session where principal_name = ?")
			.param(email)
			.query(Long.class)
			.single();
	}

	private static final Instant SIGNED_IN = Instant.parse("2026-11-27T22:00:00Z");

	@Test
	void theLastAccessIsWrittenOnlyOnceItHasMovedByAStep() {
		MapSession stored = new MapSession();
		stored.setLastAccessedTime(SIGNED_IN);
		stored.setMaxInactiveInterval(Duration.ofHours(2));
		var session = new LastAccessThrottle.ThrottledSession(stored);

		session.setLastAccessedTime(SIGNED_IN.plusSeconds(59));
		assertThat(stored.getLastAccessedTime()).isEqualTo(SIGNED_IN);

		session.setLastAccessedTime(SIGNED_IN.plus(LastAccessThrottle.STEP));
		assertThat(stored.getLastAccessedTime()).isEqualTo(SIGNED_IN.plus(LastAccessThrottle.STEP));
	}

	@Test
	void attributesAndTimeoutReachTheStoredSession() {
		MapSession stored = new MapSession();
		var session = new LastAccessThrottle.ThrottledSession(stored);

		session.setAttribute("SPRING_SECURITY_CONTEXT", "signed in");
		session.setMaxInactiveInterval(Duration.ofHours(2));

		assertThat((String) stored.getAttribute("SPRING_SECURITY_CONTEXT")).isEqualTo("signed in");
		assertThat(stored.getMaxInactiveInterval()).isEqualTo(Duration.ofHours(2));
		session.removeAttribute("SPRING_SECURITY_CONTEXT");
		assertThat(stored.getAttributeNames()).isEmpty();
	}

}
