package fr.maillage.territory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The colour classes of a map: up to five quantile classes of the positive values, and a
 * neutral class for 0 and "no value". The colours are ColorBrewer's sequential "YlOrBr"
 * in five steps (pale yellow to the terracotta of our identity), legible by most
 * colour-blind readers; the neutral grey stands apart from all five. {@code maillage.css}
 * repeats them as {@code .map-class-*} for legend swatches (a test keeps both in step).
 */
final class ChoroplethScale {

	static final List<String> FILLS = List.of("#ffffd4", "#fed98e", "#fe9929", "#d95f0e", "#993404");

	static final String NONE_FILL = "#d6d3d1";

	static final String NONE_CLASS = "map-class-none";

	private static final int MAX_CLASSES = FILLS.size();

	private final List<Range> ranges;

	private record Range(long from, long to, int colour) {
	}

	private ChoroplethScale(List<Range> ranges) {
		this.ranges = ranges;
	}

	/**
	 * Quantile classes: each holds about as many départements as the next, and a value
	 * never straddles two classes. Fewer distinct values than five give one class each,
	 * their colours spread over the whole scale.
	 */
	static ChoroplethScale of(Collection<Long> values) {
		long[] sorted = values.stream().mapToLong(Long::longValue).filter((v) -> v > 0).sorted().toArray();
		int count = (int) Arrays.stream(sorted).distinct().count();
		int wanted = Math.min(MAX_CLASSES, count);
		List<Long> uppers = new ArrayList<>();
		for (int i = 1; i <= wanted; i++) {
			long upper = sorted[(int) Math.ceil((double) i * sorted.length / wanted) - 1];
			if (uppers.isEmpty() || upper > uppers.getLast()) {
				uppers.add(upper);
			}
		}
		List<Range> ranges = new ArrayList<>();
		long from = (sorted.length > 0) ? sorted[0] : 0;
		for (int i = 0; i < uppers.size(); i++) {
			ranges.add(new Range(from, uppers.get(i), colour(i, uppers.size())));
			from = uppers.get(i) + 1;
		}
		return new ChoroplethScale(List.copyOf(ranges));
	}

	/** The colour index of class {@code i} of {@code n}: 0 to 4, spread when n < 5. */
	private static int colour(int i, int n) {
		return (n == 1) ? MAX_CLASSES / 2 : Math.round((float) i * (MAX_CLASSES - 1) / (n - 1));
	}

	/**
	 * The class of a value: its index in {@link #ranges}, or -1 for the neutral class.
	 */
	int classOf(Long value) {
		if (value == null || value <= 0) {
			return -1;
		}
		for (int i = 0; i < this.ranges.size(); i++) {
			if (value <= this.ranges.get(i).to()) {
				return i;
			}
		}
		throw new IllegalArgumentException("Value above the scale: " + value);
	}

	String fill(int classIndex) {
		return (classIndex < 0) ? NONE_FILL : FILLS.get(this.ranges.get(classIndex).colour());
	}

	/** The legend, given how many départements fall in each class. */
	List<ChoroplethClass> classes(int[] departements) {
		List<ChoroplethClass> classes = new ArrayList<>();
		for (int i = 0; i < this.ranges.size(); i++) {
			Range range = this.ranges.get(i);
			classes.add(new ChoroplethClass("map-class-" + (range.colour() + 1), fill(i), range.from(), range.to(),
					departements[i]));
		}
		return classes;
	}

	int size() {
		return this.ranges.size();
	}

}
