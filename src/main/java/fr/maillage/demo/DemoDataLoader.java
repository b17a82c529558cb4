package fr.maillage.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import fr.maillage.shared.demo.DemoContext;
import fr.maillage.shared.demo.DemoDataStatus;
import fr.maillage.shared.demo.DemoDataStep;
import fr.maillage.shared.demo.DemoSize;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Loads the demo data. Foreground steps run after the schema migrations and before the
 * web server opens; background steps run once the application is ready, on a virtual
 * thread. A run is recorded with its seed, date and size, and each step when it
 * completes, so an interrupted run resumes with the same parameters at next start.
 */
@Component
class DemoDataLoader implements SmartInitializingSingleton, DemoDataStatus {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private final List<DemoDataStep> steps;

	private final DemoDataProperties properties;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final boolean embeddedDatabase;

	private final AtomicBoolean present = new AtomicBoolean();

	private DemoContext context;

	DemoDataLoader(List<DemoDataStep> steps, DemoDataProperties properties, JdbcClient jdbc,
			TransactionTemplate transactions, Clock clock, Environment environment) {
		this.steps = steps.stream().sorted(Comparator.comparingInt(DemoDataStep::order)).toList();
		this.properties = properties;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.embeddedDatabase = !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
	}

	@Override
	public boolean present() {
		return this.present.get();
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.context = recordedRun();
		if (this.context == null && shouldStartRun()) {
			this.context = startRun();
		}
		if (this.context != null) {
			this.present.set(true);
			runSteps(false);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void continueInBackground() {
		if (this.context != null && this.steps.stream().anyMatch(DemoDataStep::background)) {
			Thread.ofVirtual().name("demo-data").start(() -> runSteps(true));
		}
	}

	private boolean shouldStartRun() {
		return switch (this.properties.mode()) {
			case OFF -> false;
			case AUTO -> this.embeddedDatabase && this.steps.stream().noneMatch(DemoDataStep::hasData);
			case ON -> this.steps.stream().noneMatch(DemoDataStep::hasData);
		};
	}

	private DemoContext recordedRun() {
		record Run(long seed, LocalDate referenceDate, String size) {
		}
		return this.jdbc.sql("select seed, reference_date, size from demo_data_run where id = 1")
			.query(Run.class)
			.optional()
			.map(run -> new DemoContext(run.seed(), run.referenceDate(), DemoSize.valueOf(run.size())))
			.orElse(null);
	}

	private DemoContext startRun() {
		LocalDate referenceDate = (this.properties.referenceDate() != null) ? this.properties.referenceDate()
				: LocalDate.now(this.clock);
		DemoContext run = new DemoContext(this.properties.seed(), referenceDate, this.properties.size());
		this.jdbc.sql("""
				insert into demo_data_run (id, seed, reference_date, size, started_at)
				values (1, ?, ?, ?, ?)""")
			.params(run.seed(), run.referenceDate(), run.size().name(), OffsetDateTime.now(this.clock))
			.update();
		log.info("Loading demo data (seed {}, reference date {}, size {})", run.seed(), run.referenceDate(),
				run.size());
		return run;
	}

	private void runSteps(boolean background) {
		Set<String> completed = completedSteps();
		for (DemoDataStep step : this.steps) {
			if (step.background() != background || completed.contains(step.name())) {
				continue;
			}
			long started = System.nanoTime();
			try {
				int rows = this.transactions.execute(status -> {
					int written = step.load(this.context);
					this.jdbc.sql("insert into demo_data_step (name, completed_at, rows_written) values (?, ?, ?)")
						.params(step.name(), OffsetDateTime.now(this.clock), written)
						.update();
					return written;
				});
				log.info("Demo data: {} ({} rows, {} ms)", step.name(), rows,
						(System.nanoTime() - started) / 1_000_000);
			}
			catch (RuntimeException ex) {
				if (!background) {
					throw ex;
				}
				log.error("Demo data step {} failed; it will be tried again at next start", step.name(), ex);
				return;
			}
		}
		if (completedSteps().containsAll(this.steps.stream().map(DemoDataStep::name).toList())) {
			this.jdbc.sql("update demo_data_run set finished_at = ? where id = 1 and finished_at is null")
				.param(OffsetDateTime.now(this.clock))
				.update();
		}
	}

	private Set<String> completedSteps() {
		return Set.copyOf(this.jdbc.sql("select name from demo_data_step").query(String.class).list());
	}

}
