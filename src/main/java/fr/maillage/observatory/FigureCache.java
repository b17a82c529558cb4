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
			value = compute.get();
			if (value != null) {
				this.entries.put(key, value);
			}
		}
		return (T) value;
	}

	/** The generation the cached entries belong to: part of every ETag. */
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
			this.entries.clear();
			this.generation = current;
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
		this.entries.clear();
		this.generation = newGeneration;
	}

}
