package org.helpline.web.page;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/** How pages write times and figures; used from templates as {@code @pageFormat}. */
@Component("pageFormat")
class PageFormat {

	private final Clock clock;

	PageFormat(Clock clock) {
		this.clock = clock;
	}

	/** "45 s", "4 min 05 s", "2 h 05 min": the same in Dutch and English. */
	public String duration(Duration duration) {
		long seconds = Math.max(0, duration.toSeconds());
		if (seconds < 60) {
			return seconds + " s";
		}
		if (seconds < 3600) {
			return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
		}
		return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
	}

	public String seconds(long seconds) {
		return duration(Duration.ofSeconds(seconds));
	}

	/** How long ago, by the service's clock (not the browser's). */
	public String since(@Nullable Instant since) {
		return since == null ? "" : duration(Duration.between(since, clock.instant()));
	}

	public String percent(@Nullable Double percent) {
		return percent == null ? "–" : String.format(Locale.ROOT, "%.0f%%", percent);
	}

}
