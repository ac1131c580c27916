package org.helpline.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.helpline.counsellors.Candidate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Who of the free counsellors a caller gets, without a database. */
class SelectionTest {

	static final Instant NINE = Instant.parse("2027-01-05T09:00:00Z");

	@Test
	void longestIdleTakesTheCounsellorWhoseLastCallEndedFirst() {
		Candidate recent = generalist(1, NINE.plusSeconds(600), 0);
		Candidate longest = generalist(2, NINE, 0);

		assertThat(rank(List.of(recent, longest), Strategy.LONGEST_IDLE)).extracting(Candidate::id).containsExactly(2L, 1L);
	}

	@Test
	void roundRobinTakesTheCounsellorRungLeastRecently() {
		Candidate rungLast = generalist(1, NINE, 7);
		Candidate rungFirst = generalist(2, NINE.plusSeconds(600), 3);

		assertThat(rank(List.of(rungLast, rungFirst), Strategy.ROUND_ROBIN)).extracting(Candidate::id)
			.containsExactly(2L, 1L);
	}

	@Test
	void fewestCallsTodayCountsAnsweredCallsThenIdleTime() {
		Candidate busyDay = generalist(1, NINE, 0);
		Candidate quietDay = generalist(2, NINE.plusSeconds(600), 0);
		Candidate alsoQuiet = generalist(3, NINE.plusSeconds(60), 0);

		List<Candidate> ranked = Selection.rank(List.of(busyDay, quietDay, alsoQuiet), null, Language.DUTCH, 1,
				Strategy.FEWEST_CALLS_TODAY, Map.of(1L, 5, 2L, 1, 3L, 1));

		assertThat(ranked).extracting(Candidate::id).containsExactly(3L, 2L, 1L);
	}

	@Test
	void aCounsellorWithoutTheCallersGroupOrLanguageIsNotOffered() {
		Candidate professionalsOnly = new Candidate(1, 0, "P", "p", null, NINE, 0, Map.of(new CallerGroup("PROFESSIONAL"), 1),
				Map.of(Language.DUTCH, 1));
		Candidate englishOnly = new Candidate(2, 0, "E", "e", null, NINE, 0, Map.of(), Map.of(Language.ENGLISH, 1));

		assertThat(Selection.rank(List.of(professionalsOnly, englishOnly), new CallerGroup("SELF"), Language.DUTCH, 3, Strategy.LONGEST_IDLE,
				Map.of())).isEmpty();
	}

	@Test
	void aCounsellorWithNoSkillsOfAKindTakesAllOfThatKindAtLevelOne() {
		Candidate generalist = generalist(1, NINE, 0);

		assertThat(Selection.level(generalist, new CallerGroup("SELF"), Language.DUTCH)).isEqualTo(1);
		assertThat(Selection.level(generalist, null, Language.ENGLISH)).isEqualTo(1);
	}

	@Test
	void theWeakerOfGroupAndLanguageSetsTheLevel() {
		Candidate c = new Candidate(1, 0, "C", "c", null, NINE, 0, Map.of(new CallerGroup("SELF"), 1), Map.of(Language.DUTCH, 1, Language.ENGLISH, 3));

		assertThat(Selection.level(c, new CallerGroup("SELF"), Language.DUTCH)).isEqualTo(1);
		assertThat(Selection.level(c, new CallerGroup("SELF"), Language.ENGLISH)).isEqualTo(3);
	}

	@Test
	void levelTwoCounsellorsAreOfferedOnlyOnceTheWaitHasWidenedAndLevelOneStillComesFirst() {
		Candidate levelTwoIdleLonger = new Candidate(1, 0, "Two", "two", null, NINE, 0, Map.of(new CallerGroup("SELF"), 2), Map.of());
		Candidate levelOne = new Candidate(2, 0, "One", "one", null, NINE.plusSeconds(600), 0, Map.of(new CallerGroup("SELF"), 1),
				Map.of());

		assertThat(Selection.rank(List.of(levelTwoIdleLonger), new CallerGroup("SELF"), Language.DUTCH, 1, Strategy.LONGEST_IDLE, Map.of()))
			.isEmpty();
		assertThat(Selection.rank(List.of(levelTwoIdleLonger, levelOne), new CallerGroup("SELF"), Language.DUTCH, 2, Strategy.LONGEST_IDLE,
				Map.of()))
			.extracting(Candidate::id)
			.containsExactly(2L, 1L);
	}

	@Test
	void wideningStepsRaiseTheLevelAsTheWaitPassesThem() {
		RoutingRules rules = new RoutingRules(1, "Line", ZoneId.of("Europe/Amsterdam"), Strategy.LONGEST_IDLE, 25,
				60, 900, 60, Announce.BOTH, List.of(30, 90), false, 0);

		assertThat(rules.levelAfter(Duration.ofSeconds(29))).isEqualTo(1);
		assertThat(rules.levelAfter(Duration.ofSeconds(30))).isEqualTo(2);
		assertThat(rules.levelAfter(Duration.ofSeconds(90))).isEqualTo(3);
	}

	private static List<Candidate> rank(List<Candidate> free, Strategy strategy) {
		return Selection.rank(free, new CallerGroup("SELF"), Language.DUTCH, 1, strategy, Map.of());
	}

	private static Candidate generalist(long id, Instant idleSince, long ringSeq) {
		return new Candidate(id, 0, "Counsellor " + id, "counsellor-" + id, null, idleSince, ringSeq, Map.of(),
				Map.of());
	}

}
