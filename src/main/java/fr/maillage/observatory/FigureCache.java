package fr.maillage.observatory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What this instance computed from the figures (sheets, maps, rendered pages), kept until
 * the figures change. A refresh here clears it once committed; a refresh on another
 * instance moves the generation in the database, which every instance polls (every 200 ms
 * by default): no cached figure outlives a change by more than that.
 */
@Component
class FigureCache {

	private final FigureRepository repository;

	/**
	 * Beyond this many entries (addresses with every combination of indicators, say from
	 * a crawler) the cache starts afresh rather than grow without bound.
	 */
	static final int MAX_ENTRIES = 20_000;

	private final Map<String, Object> entries = new ConcurrentHashMap<>();

	private volatile long generation = -1;

	FigureCache(FigureRepository repository) {
		this.repository = repository;
	}

	@SuppressWarnings("unchecked")
	<T> T get(String key, Supplier<T> compute) {
		if (this.generation < 0) {
			poll();
		}
		Object value = this.entries.get(key);
		if (value == null) {
			long generation = this.generation;
			value = compute.get();
			if (value != null) {
				putIfGeneration(generation, key, value);
			}
		}
		return (T) value;
	}

	/** The entry if present, without computing it. */
	@SuppressWarnings("unchecked")
	<T> T peek(String key) {
		if (this.generation < 0) {
			poll();
		}
		return (T) this.entries.get(key);
	}

	/**
	 * Keeps a value computed while the cache was at {@code generation}; a value computed
	 * from figures that changed meanwhile is not kept (the next request computes it
	 * again).
	 */
	void putIfGeneration(long generation, String key, Object value) {
		if (this.entries.size() >= MAX_ENTRIES) {
			this.entries.clear();
		}
		if (generation == this.generation) {
			this.entries.put(key, value);
			// A change that came in between: drop what may be older than it.
			if (generation != this.generation) {
				this.entries.remove(key, value);
			}
		}
	}

	/**
	 * The generation the cached entries belong to: what a value computed now must still
	 * match to be kept ({@link #putIfGeneration}).
	 */
	long generation() {
		if (this.generation < 0) {
			poll();
		}
		return this.generation;
	}

	@Scheduled(fixedDelayString = "${maillage.observatory.generation-poll:200ms}")
	void poll() {
		long current = this.repository.generation();
		if (current != this.generation) {
			this.generation = current;
			this.entries.clear();
		}
	}

	void clearAfterCommit(long newGeneration) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					clear(newGeneration);
				}
			});
		}
		else {
			clear(newGeneration);
		}
	}

	private void clear(long newGeneration) {
		this.generation = newGeneration;
		this.entries.clear();
	}

}
