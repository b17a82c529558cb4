package fr.maillage.database;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Turns the known reasons why the database cannot be used at start into one clear line
 * and what to do about it, instead of a stack trace. Registered in
 * {@code META-INF/spring.factories}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartupFailureAnalyzer implements FailureAnalyzer {

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			FailureAnalysis analysis = analyzeOne(cause);
			if (analysis != null) {
				return analysis;
			}
		}
		return null;
	}

	private FailureAnalysis analyzeOne(Throwable cause) {
		return switch (cause) {
			case DataFolderNotUsableException ex -> new FailureAnalysis(
					"The data folder " + ex.path() + " cannot be created or written ("
							+ ex.getCause().getClass().getSimpleName() + ": " + ex.getCause().getMessage() + ").",
					"Set maillage.embedded-db.dir to a folder this user can create and write, "
							+ "or give an external database with SPRING_DATASOURCE_URL.",
					ex);
			case DataFolderInUseException ex -> new FailureAnalysis(
					"The data folder " + ex.dir() + " is already used by another running Maillage"
							+ (ex.holderPid().isBlank() ? "" : " (process " + ex.holderPid() + ")") + ".",
					"Stop the other instance, or start this one with another maillage.embedded-db.dir.", ex);
			case DatabaseUnreachableException ex -> new FailureAnalysis(
					"Cannot connect to the PostgreSQL database '" + ex.database() + "' on " + ex.host() + ": "
							+ ex.reason(),
					"Check that PostgreSQL runs on " + ex.host() + ", that the database '" + ex.database()
							+ "' exists and that SPRING_DATASOURCE_USERNAME / SPRING_DATASOURCE_PASSWORD are right.",
					ex);
			case EmbeddedDatabaseStartException ex -> new FailureAnalysis(
					"The embedded PostgreSQL could not start on " + ex.dir() + ": " + ex.getCause().getMessage(),
					"Read the PostgreSQL log lines above; if the folder holds data of another PostgreSQL version, "
							+ "move it away or set maillage.embedded-db.dir to another folder.",
					ex);
			default -> null;
		};
	}

}
