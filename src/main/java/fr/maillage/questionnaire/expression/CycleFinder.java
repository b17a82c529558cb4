package fr.maillage.questionnaire.expression;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Depth-first search with an explicit stack, so a long chain of calculations cannot
 * overflow the call stack.
 */
final class CycleFinder {

	private enum State {

		ON_PATH, DONE

	}

	private final Map<String, ? extends Set<String>> dependencies;

	private final Map<String, State> states = new HashMap<>();

	private final List<String> path = new ArrayList<>();

	private final Deque<Iterator<String>> pending = new ArrayDeque<>();

	private CycleFinder(Map<String, ? extends Set<String>> dependencies) {
		this.dependencies = dependencies;
	}

	static List<String> findCycle(Map<String, ? extends Set<String>> dependencies) {
		CycleFinder finder = new CycleFinder(dependencies);
		for (String start : sorted(dependencies.keySet())) {
			if (!finder.states.containsKey(start)) {
				List<String> cycle = finder.searchFrom(start);
				if (!cycle.isEmpty()) {
					return cycle;
				}
			}
		}
		return List.of();
	}

	private List<String> searchFrom(String start) {
		enter(start);
		while (!this.pending.isEmpty()) {
			Iterator<String> next = this.pending.peek();
			if (!next.hasNext()) {
				this.pending.pop();
				this.states.put(this.path.removeLast(), State.DONE);
				continue;
			}
			String code = next.next();
			State state = this.states.get(code);
			if (state == State.ON_PATH) {
				List<String> cycle = new ArrayList<>(this.path.subList(this.path.indexOf(code), this.path.size()));
				cycle.add(code);
				return List.copyOf(cycle);
			}
			if (state == null) {
				enter(code);
			}
		}
		return List.of();
	}

	private void enter(String code) {
		this.states.put(code, State.ON_PATH);
		this.path.add(code);
		Set<String> next = this.dependencies.get(code);
		this.pending.push(sorted((next != null) ? next : Set.of()).iterator());
	}

	private static Set<String> sorted(Set<String> codes) {
		Set<String> sorted = new TreeSet<>();
		codes.stream().filter(Objects::nonNull).forEach(sorted::add);
		return sorted;
	}

}
