package org.helpline.telephony;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.helpline.helplines.HelplineSettings;
import org.helpline.schedule.OpeningInterval;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dialplan gives a node a few seconds to take a request (TIMEOUT(absolute)) and moves the
 * call to the next node when it does not: a frozen JVM still accepts connections. Taking the
 * request means switching that timer off first, or a live node would lose every call it holds
 * longer than that.
 */
class FirstAnswerTimerTest extends FakeAsteriskTest {

	static final String HELPLINE_NUMBER = "08002666436";

	@BeforeEach
	void closedHelpline() {
		var helpline = helplines.create(new HelplineSettings("Stop it Now", List.of(HELPLINE_NUMBER),
				"Europe/Amsterdam", "NL", "nl", 25));
		List<OpeningInterval> mondays = new ArrayList<>();
		mondays.add(new OpeningInterval(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0)));
		helplines.replaceOpeningHours(helpline.id(), mondays);
		clock.set(java.time.LocalDateTime.parse("2027-01-05T20:00").atZone(java.time.ZoneId.of("Europe/Amsterdam")).toInstant());
	}

	@Test
	void anArmedRequestIsTakenByDisarmingTheTimerBeforeAnythingElse() {
		var session = new FakeAsterisk(agiPort()).armed().call(HELPLINE_NUMBER);

		assertThat(session.commands()).first().isEqualTo("SET AUTOHANGUP 0");
		assertThat(session.commands()).filteredOn(c -> c.startsWith("STREAM FILE")).isNotEmpty();
	}

	@Test
	void aRequestWithoutTimerIsNotDisarmed() {
		var session = new FakeAsterisk(agiPort()).call(HELPLINE_NUMBER);

		assertThat(session.commands()).isNotEmpty().noneMatch(c -> c.startsWith("SET AUTOHANGUP"));
	}

	@Test
	void aRequestWithoutTheSecretIsNotTakenSoItsTimerMovesTheCallOn() {
		var session = new FakeAsterisk(agiPort()).armed().secret(null).call(HELPLINE_NUMBER);

		assertThat(session.commands()).isEmpty();
	}

}
