package org.helpline.contact;

import java.util.ArrayList;
import java.util.List;

import org.helpline.contact.Report.Count;
import org.jspecify.annotations.Nullable;

/**
 * Small-cell suppression for published figures: a count from 1 to one below the threshold
 * could point at a person, so it shows as "&lt;5". Zero stays visible. Within a breakdown a
 * lone suppressed cell could be worked out from the total, so then the next smallest cell is
 * suppressed as well.
 */
final class Suppression {

	private final boolean published;

	private final int threshold;

	Suppression(boolean published, int threshold) {
		this.published = published;
		this.threshold = threshold;
	}

	boolean published() {
		return published;
	}

	Count one(long value) {
		return new Count(value, isSmall(value), threshold);
	}

	/** The cells of one breakdown that add up to a shown total. */
	List<Count> breakdown(List<Long> values) {
		List<Boolean> hidden = new ArrayList<>(values.stream().map(this::isSmall).toList());
		if (hidden.stream().filter(h -> h).count() == 1) {
			int smallest = -1;
			for (int i = 0; i < values.size(); i++) {
				if (!hidden.get(i) && values.get(i) > 0 && (smallest < 0 || values.get(i) < values.get(smallest))) {
					smallest = i;
				}
			}
			if (smallest >= 0) {
				hidden.set(smallest, true);
			}
		}
		List<Count> counts = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			counts.add(new Count(values.get(i), hidden.get(i), threshold));
		}
		return counts;
	}

	/** A derived figure (average, rate) over {@code base} calls; left out when the base is small. */
	@Nullable Double derived(@Nullable Double value, long base) {
		if (value == null || (published && base < threshold)) {
			return null;
		}
		return value;
	}

	static @Nullable Double changePercent(Count current, Count previous) {
		if (previous.value() == 0 || current.suppressed() || previous.suppressed()) {
			return null;
		}
		return round((current.value() - previous.value()) * 100.0 / previous.value());
	}

	static Double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	private boolean isSmall(long value) {
		return published && value > 0 && value < threshold;
	}

}
