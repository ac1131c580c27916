package org.helpline.routing;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.helpline.counsellors.Candidate;
import org.jspecify.annotations.Nullable;

/**
 * Which free counsellors may take a caller, best first: the lowest skill level the caller's
 * wait allows, then the helpline's strategy. Plain Java, no state.
 */
final class Selection {

	private Selection() {
	}

	static List<Candidate> rank(Collection<Candidate> free, @Nullable CallerGroup callerGroup,
			@Nullable Language language, int maxLevel,
			Strategy strategy, Map<Long, Integer> answeredToday) {
		Comparator<Candidate> byStrategy = switch (strategy) {
			case LONGEST_IDLE -> longestIdle();
			case ROUND_ROBIN -> Comparator.comparingLong(Candidate::ringSeq);
			case FEWEST_CALLS_TODAY -> Comparator
				.<Candidate>comparingInt(c -> answeredToday.getOrDefault(c.id(), 0))
				.thenComparing(longestIdle());
		};
		Comparator<Ranked> best = Comparator.comparingInt(Ranked::level)
			.thenComparing(Ranked::candidate, byStrategy.thenComparingLong(Candidate::id));
		return free.stream()
			.map(candidate -> new Ranked(candidate, level(candidate, callerGroup, language)))
			.filter(ranked -> ranked.level() > 0 && ranked.level() <= maxLevel)
			.sorted(best)
			.map(Ranked::candidate)
			.toList();
	}

	/**
	 * The level (1 best … 3) at which a counsellor serves this caller, 0 when not at all. A
	 * counsellor with no skills of a kind serves all of that kind at level 1; a caller without
	 * a group (no menu choice) needs no group skill.
	 */
	static int level(Candidate candidate, @Nullable CallerGroup callerGroup, @Nullable Language language) {
		int group = callerGroup == null || candidate.callerGroups().isEmpty() ? 1
				: candidate.callerGroups().getOrDefault(callerGroup, 0);
		int speaks = language == null || candidate.languages().isEmpty() ? 1
				: candidate.languages().getOrDefault(language, 0);
		return group == 0 || speaks == 0 ? 0 : Math.max(group, speaks);
	}

	private static Comparator<Candidate> longestIdle() {
		return Comparator.comparing(Candidate::idleSince, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()));
	}

	private record Ranked(Candidate candidate, int level) {
	}

}
