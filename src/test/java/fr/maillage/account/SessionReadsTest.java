package fr.maillage.account;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import fr.maillage.support.HttpSession;
import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in person's session costs one query per request. It is read without a
 * transaction of its own (one round trip fewer on every request of a signed-in person)
 * and still written in one: Spring Session's JDBC repository must keep sending its reads
 * through {@code execute} and its writes through {@code executeWithoutResult}, which
 * {@link SessionTransactions} relies on. Should an upgrade of Spring Session move a
 * write, this fails rather than leave a session's row and attributes written in separate
 * commits. And the second commit of a request that sent its response early does not read
 * the session again.
 */
@MaillageIntegrationTest
class SessionReadsTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	@Qualifier("springSessionTransactionOperations")
	TransactionOperations sessionTransactions;

	@Autowired
	FindByIndexNameSessionRepository<?> sessions;

	@Test
	void springSessionUsesTheseTransactions() {
		Object repository = (this.sessions instanceof LastAccessThrottle.Repository throttled)
				? ReflectionTestUtils.getField(throttled, "delegate") : this.sessions;
		assertThat(repository).isInstanceOf(JdbcIndexedSessionRepository.class);
		assertThat(ReflectionTestUtils.getField(repository, "transactionOperations"))
			.isSameAs(this.sessionTransactions);
	}

	@Test
	void readsRunWithoutATransactionAndWritesInOne() {
		AtomicInteger transactions = new AtomicInteger();
		DataSourceTransactionManager counting = new DataSourceTransactionManager(this.dataSource) {

			@Override
			protected void doBegin(Object transaction, TransactionDefinition definition) {
				transactions.incrementAndGet();
				super.doBegin(transaction, definition);
			}

		};
		List<Boolean> writesInATransaction = new java.util.concurrent.CopyOnWriteArrayList<>();
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource) {

			@Override
			public int update(String sql, PreparedStatementSetter setter) {
				writesInATransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
				return super.update(sql, setter);
			}

			@Override
			public int[] batchUpdate(String sql, org.springframework.jdbc.core.BatchPreparedStatementSetter setter) {
				writesInATransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
				return super.batchUpdate(sql, setter);
			}

		};
		JdbcIndexedSessionRepository repository = new JdbcIndexedSessionRepository(jdbc,
				new SessionTransactions.ReadsWithoutTransaction(counting));
		repository.setDefaultMaxInactiveInterval(Duration.ofMinutes(5));

		Session session = repository.createSession();
		session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME,
				"session-test@maillage.example");
		session.setAttribute("note", "kept");
		saveRaw(repository, session);
		assertThat(transactions).as("a new session is written in one transaction").hasValue(1);

		Session read = repository.findById(session.getId());
		assertThat(read).isNotNull();
		assertThat(read.<String>getAttribute("note")).isEqualTo("kept");
		assertThat(repository.findByIndexNameAndIndexValue(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME,
				"session-test@maillage.example"))
			.containsKey(session.getId());
		assertThat(transactions).as("reading opens no transaction").hasValue(1);

		read.setAttribute("note", "changed");
		saveRaw(repository, read);
		assertThat(transactions).as("a change is written in one transaction").hasValue(2);
		Session changed = repository.findById(session.getId());
		assertThat(changed.<String>getAttribute("note")).isEqualTo("changed");

		repository.deleteById(session.getId());
		assertThat(transactions).as("a deletion runs in one transaction").hasValue(3);
		assertThat(writesInATransaction).as("every statement that writes runs in a transaction")
			.isNotEmpty()
			.containsOnly(true);
		assertThat(repository.findById(session.getId())).isNull();
	}

	@LocalServerPort
	int port;

	@Test
	void aSignedInPersonsRenderedPageReadsTheSessionOnce() throws Exception {
		LastAccessThrottle.Repository repository = (LastAccessThrottle.Repository) this.sessions;
		HttpSession person = new HttpSession(this.port);
		assertThat(person.signIn("equipe.cs66@maillage.example", DemoAccounts.PASSWORD)).endsWith("/espace");
		for (String page : List.of("/espace", "/reponses", "/compte")) {
			long before = repository.databaseReads();
			HttpResponse<String> shown = person.get(page);
			assertThat(shown.statusCode()).as(page).isEqualTo(200);
			assertThat(repository.databaseReads() - before).as("sessions read from the database for " + page)
				.isEqualTo(1);
		}
	}

	@Test
	void theSecondCommitOfARequestDoesNotReadTheSessionAgain() throws Exception {
		AtomicInteger reads = new AtomicInteger();
		JdbcTemplate counting = new JdbcTemplate(this.dataSource) {

			@Override
			public <T> T query(String sql, PreparedStatementSetter setter, ResultSetExtractor<T> extractor) {
				reads.incrementAndGet();
				return super.query(sql, setter, extractor);
			}

		};
		LastAccessThrottle.Repository repository = new LastAccessThrottle.Repository(new JdbcIndexedSessionRepository(
				counting,
				new SessionTransactions.ReadsWithoutTransaction(new DataSourceTransactionManager(this.dataSource))));
		LastAccessThrottle.ThrottledSession session = repository.createSession();
		session.setAttribute("note", "kept");

		// The two commits of one request: the id the browser sent comes from the session
		// just saved, once.
		LastAccessThrottle.duringDispatch(() -> {
			repository.save(session);
			assertThat(repository.findById(session.getId())).isSameAs(session);
			assertThat(reads).hasValue(0);
			assertThat(repository.findById(session.getId()).<String>getAttribute("note")).isEqualTo("kept");
			assertThat(reads).as("asked again: from the database").hasValue(1);
			repository.save(session);
		});

		// A new request on the same thread reads from the database.
		LastAccessThrottle.duringDispatch(() -> {
			repository.findById(session.getId());
			assertThat(reads).hasValue(2);
		});

		// Another id, or a deleted session, is never answered from memory.
		LastAccessThrottle.duringDispatch(() -> {
			repository.save(session);
			assertThat(repository.findById("another-id")).isNull();
			assertThat(reads).hasValue(3);
			repository.save(session);
			repository.deleteById(session.getId());
			assertThat(repository.findById(session.getId())).isNull();
			assertThat(reads).hasValue(4);
		});

		// Outside a dispatch (a job, a test), nothing is remembered.
		LastAccessThrottle.ThrottledSession other = repository.createSession();
		repository.save(other);
		assertThat(repository.findById(other.getId())).isNotNull().isNotSameAs(other);
		assertThat(reads).hasValue(5);
		repository.deleteById(other.getId());
	}

	/** The repository's session type is private to it. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void saveRaw(JdbcIndexedSessionRepository repository, Session session) {
		((org.springframework.session.SessionRepository) repository).save(session);
	}

}
