package fr.maillage.account;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Session reads a signed-in person's session in a transaction of its own, on every
 * request: a {@code BEGIN} sent with the query, then a {@code COMMIT} that is one more
 * round trip to PostgreSQL for a single {@code SELECT} (one statement is consistent on
 * its own). Measured with {@code bench/autosave.sh}, see docs/benchmarks.md. Spring
 * Session's JDBC repository runs its reads (the session by id, by principal name) and its
 * expired sessions' cleanup (one {@code DELETE}) through
 * {@link TransactionOperations#execute}, and its writes (a session's row and attributes,
 * a deletion) through {@link TransactionOperations#executeWithoutResult}: the first now
 * runs without a transaction, the second still in a new one, as Spring Session's own
 * default does. {@code SessionReadsTest} holds Spring Session to this split.
 */
@Configuration(proxyBeanMethods = false)
class SessionTransactions {

	/** The name Spring Session looks for (its {@code JdbcHttpSessionConfiguration}). */
	@Bean("springSessionTransactionOperations")
	TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactions) {
		return new ReadsWithoutTransaction(transactions);
	}

	/**
	 * Spring Boot's own template backs off as soon as any {@link TransactionOperations}
	 * is declared, the one above included: this is the same template, for the services
	 * that take one.
	 */
	@Bean
	TransactionTemplate transactionTemplate(PlatformTransactionManager transactions) {
		return new TransactionTemplate(transactions);
	}

	static final class ReadsWithoutTransaction implements TransactionOperations {

		private final TransactionTemplate writes;

		ReadsWithoutTransaction(PlatformTransactionManager transactions) {
			this.writes = new TransactionTemplate(transactions);
			this.writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		}

		@Override
		public <T> T execute(TransactionCallback<T> action) throws TransactionException {
			return TransactionOperations.withoutTransaction().execute(action);
		}

		@Override
		public void executeWithoutResult(Consumer<TransactionStatus> action) throws TransactionException {
			this.writes.executeWithoutResult(action);
		}

	}

}
