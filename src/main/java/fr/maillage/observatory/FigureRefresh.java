package fr.maillage.observatory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import fr.maillage.campaign.ResponseUnvalidated;
import fr.maillage.campaign.ResponseValidated;
import fr.maillage.territory.TerritoryApi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the live figures current: a validation or an un-validation recomputes its data
 * year once committed (ADR 22). A year's figures are computed whole, in memory, from one
 * read of its contributions, then compared with the stored ones: only what changed is
 * written, and the generation moves so that every instance drops its cached figures.
 * Refreshes of one year are serialized (a database lock, for several instances); events
 * that arrive while one runs are folded into the next.
 */
@Component
class FigureRefresh {

	private static final Logger log = LoggerFactory.getLogger(FigureRefresh.class);

	private final FigureRepository repository;

	private final IndicatorCatalogues catalogues;

	private final TerritoryApi territories;

	private final ObservatoryProperties properties;

	private final FigureCache cache;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Map<Integer, AtomicBoolean> pending = new ConcurrentHashMap<>();

	FigureRefresh(FigureRepository repository, IndicatorCatalogues catalogues, TerritoryApi territories,
			ObservatoryProperties properties, FigureCache cache, PlatformTransactionManager transactions, Clock clock) {
		this.repository = repository;
		this.catalogues = catalogues;
		this.territories = territories;
		this.properties = properties;
		this.cache = cache;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ResponseValidated event) {
		refresh(event.dataYear());
	}

	@ApplicationModuleListener
	void on(ResponseUnvalidated event) {
		refresh(event.dataYear());
	}

	/**
	 * Every year again at start when what the stored figures were computed with changed
	 * (the catalogue, the threshold or the computation, with a release); otherwise the
	 * stored figures stand, and events not handled before a stop are published again by
	 * the event publication registry.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		Thread.ofVirtual().name("observatory-refresh").start(() -> {
			try {
				refreshIfStale();
			}
			catch (RuntimeException ex) {
				log.error("Refreshing the observatory's figures at start failed", ex);
			}
		});
	}

	/**
	 * Recomputes every year if the stored figures were computed otherwise; says if it
	 * did.
	 */
	synchronized boolean refreshIfStale() {
		String stamp = stamp();
		if (stamp.equals(this.repository.computedWith())) {
			return false;
		}
		refreshAll();
		this.repository.computedWith(stamp);
		return true;
	}

	private String stamp() {
		return "catalogue " + this.catalogues.current().version() + ", threshold "
				+ this.properties.confidentialityThreshold() + ", computation " + FigureComputation.REVISION;
	}

	void refreshAll() {
		for (int year : this.repository.years(LocalDate.now(this.clock).getYear())) {
			refresh(year);
		}
	}

	/**
	 * Recomputes a data year's figures; returns how many changed (0 when another refresh
	 * already covered this call's changes).
	 */
	int refresh(int year) {
		AtomicBoolean flag = this.pending.computeIfAbsent(year, key -> new AtomicBoolean());
		flag.set(true);
		synchronized (flag) {
			if (!flag.getAndSet(false)) {
				return 0;
			}
			long started = System.nanoTime();
			Integer changed = this.transactions.execute(status -> write(year));
			log.debug("Observatory figures of {} refreshed: {} changed in {} ms", year, changed,
					(System.nanoTime() - started) / 1_000_000);
			return Objects.requireNonNullElse(changed, 0);
		}
	}

	private int write(int year) {
		this.repository.lockYear(year);
		IndicatorCatalogue catalogue = this.catalogues.current();
		List<Contribution> contributions = this.repository.contributions(year, this.catalogues.computed());
		FigureComputation.Result result = FigureComputation.compute(catalogue, contributions,
				FigureComputation.regionsOf(this.territories.departements()),
				this.properties.confidentialityThreshold(), this.repository.frozenPublished(year));
		Map<String, FigureRepository.Row> stored = this.repository.live(year);
		List<FigureRepository.Row> changed = new ArrayList<>();
		result.figures().forEach((territory, figures) -> {
			for (Figure figure : figures) {
				FigureRepository.Row row = new FigureRepository.Row(territory, figure);
				FigureRepository.Row before = stored.remove(row.key());
				if (before == null || !same(before.figure(), figure)) {
					changed.add(row);
				}
			}
		});
		List<FigureRepository.Row> gone = new ArrayList<>(stored.values());
		int count = changed.size() + gone.size();
		boolean qualityChanged = !this.repository.qualityYear(year).equals(result.quality());
		if (count == 0 && !qualityChanged) {
			// Nothing moved (a restart, an event already folded in): caches stay warm.
			return 0;
		}
		this.repository.upsert(year, changed);
		this.repository.delete(year, gone);
		this.repository.replaceQuality(year, result.quality());
		long generation = this.repository.bumpGeneration(this.clock.instant());
		this.cache.clearAfterCommit(generation);
		return count;
	}

	private static boolean same(Figure a, Figure b) {
		return a.contributors() == b.contributors() && a.suppression() == b.suppression()
				&& ((a.value() == null) ? b.value() == null : b.value() != null && a.value().compareTo(b.value()) == 0);
	}

}
