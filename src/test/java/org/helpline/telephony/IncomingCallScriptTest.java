package org.helpline.telephony;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.helpline.caller.Language;
import org.helpline.counsellors.CounsellorCalls;
import org.helpline.counsellors.CounsellorSettings;
import org.helpline.counsellors.CounsellorState;
import org.helpline.counsellors.Counsellors;
import org.helpline.counsellors.Presence;
import org.helpline.helplines.Helpline;
import org.helpline.helplines.HelplineSettings;
import org.helpline.routing.CallQueue;
import org.helpline.routing.HelplineRouting;
import org.helpline.routing.RoutingSettings;
import org.helpline.schedule.Closure;
import org.helpline.schedule.OpeningInterval;
import org.helpline.schedule.SpecialOpening;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real FastAGI server over TCP, driven by a fake Asterisk that speaks the protocol: which
 * commands does each kind of call get?
 */
@ExtendWith(OutputCaptureExtension.class)
class IncomingCallScriptTest extends FakeAsteriskTest {

	static final String HELPLINE_NUMBER = "08002666436";

	static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	@Autowired
	private DataSource dataSource;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Counsellors counsellors;

	@Autowired
	Presence presence;

	@Autowired
	CallQueue queue;

	@Autowired
	HelplineRouting routing;

	@Autowired
	AsteriskEvents asteriskEvents;

	@Autowired
	CounsellorCalls counsellorCalls;

	long anna;

	FakeAsterisk asterisk;

	/** Each blocking fake call on a thread of its own (the common pool may have one thread). */
	final Executor callers = Executors.newVirtualThreadPerTaskExecutor();


	Helpline helpline;

	@BeforeEach
	void officeHoursHelpline() {
		asterisk = new FakeAsterisk(agiPort());
		helpline = helplines.create(new HelplineSettings("Stop it Now", List.of(HELPLINE_NUMBER), "Europe/Amsterdam",
				"NL", "nl", 25));
		List<OpeningInterval> weekdays = new ArrayList<>();
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			weekdays.add(new OpeningInterval(day, LocalTime.of(9, 0), LocalTime.of(17, 0)));
		}
		helplines.replaceOpeningHours(helpline.id(), weekdays);
		jdbc.sql("delete from counsellor").update();
		jdbc.sql("delete from contact_record").update();
		anna = counsellors.create(new CounsellorSettings("Anna", "counsellor-1", null, null, Map.of(), Map.of())).id();
		presence.signIn(anna);
	}

	@Test
	void openCallIsWelcomedAndOfferedTheFreeCounsellorWithTheHelplinesOwnCallerId() {
		at("2027-01-05T10:00");

		FakeAsterisk.Session call = asterisk.presses("2").call(HELPLINE_NUMBER);

		assertThat(call.commands()).as("answered before anything else, so the caller's 200 OK waits for nothing")
			.startsWith("ANSWER", "SET VARIABLE \"HELPLINE_ID\" \"" + helpline.id() + "\"");
		assertThat(call.commands()).as("Asterisk-Java's own status variable costs no round trip")
			.noneMatch(command -> command.contains("AJ_AGISTATUS"));
		assertThat(call.commands()).as("the counsellor claimed at the choice is rung without music first")
			.noneMatch(command -> command.contains("MUSIC"));
		assertThat(call.streamedFiles()).containsExactly("helpline/nl/welcome", "helpline/nl/choose-group");
		assertThat(call.commands()).as("the dial's variables in one round trip, with the name looked up meanwhile")
			.contains("EXEC \"MSet\" \"HELPLINE_DESTINATION=PJSIP/counsellor-1,HELPLINE_RING_TIMEOUT=25,"
					+ "HELPLINE_ACTION=open,HELPLINE_CALLERID_NAME=Stop it Now - partner/familie - nieuwe beller\"");
		assertThat(call.variables()).containsEntry("HELPLINE_DESTINATION", "PJSIP/counsellor-1")
			.containsEntry("HELPLINE_RING_TIMEOUT", "25")
			.containsEntry("HELPLINE_CALLERID_NAME", "Stop it Now - partner/familie - nieuwe beller")
			.containsEntry("HELPLINE_CALLER_GROUP", "PARTNER_FAMILY")
			.containsEntry("HELPLINE_CALLERID_NUM", HELPLINE_NUMBER)
			.containsEntry("HELPLINE_LANGUAGE", "nl")
			.containsEntry("HELPLINE_ID", Long.toString(helpline.id()))
			.containsKey("HELPLINE_QUEUED_AT");
		assertThat(call.action()).isEqualTo("open");
		assertThat(presence.status(anna).state()).isEqualTo(CounsellorState.RINGING);
	}

	@Test
	void counsellorWhoDoesNotAnswerIsPausedAndTheCallerWaitsAgainInTheirPlace() {
		at("2027-01-05T10:00");
		FakeAsterisk.Session first = asterisk.call(HELPLINE_NUMBER);
		assertThat(first.variables()).containsEntry("HELPLINE_DESTINATION", "PJSIP/counsellor-1");
		long bram = counsellors.create(new CounsellorSettings("Bram", "counsellor-2", null, null, Map.of(), Map.of()))
			.id();
		presence.signIn(bram);

		FakeAsterisk.Session again = asterisk.run("queue?ring=NOANSWER", HELPLINE_NUMBER);

		assertThat(again.variables()).containsEntry("HELPLINE_DESTINATION", "PJSIP/counsellor-2")
			.containsEntry("HELPLINE_ACTION", "open");
		assertThat(presence.status(anna).state()).isEqualTo(CounsellorState.PAUSED);
		assertThat(presence.status(anna).reason()).isEqualTo("no answer");
	}

	@Test
	void anEndToldTwiceLeavesOneRecord() {
		at("2027-01-05T10:00");
		asterisk.newChannel().variable("HELPLINE_ID", Long.toString(helpline.id()));

		// The counsellor hung up, and the caller hung up while that was being told.
		asterisk.run("ended?dialstatus=ANSWER&talk=95&fallback=", HELPLINE_NUMBER);
		asterisk.run("ended?dialstatus=ANSWER&talk=95&fallback=", HELPLINE_NUMBER);

		assertThat(jdbc.sql("select count(*) from contact_record").query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aCallWhoseNodeIsGoneGoesOnHereWithItsChoiceAndPlaceAndLeavesAWholeRecord() {
		at("2027-01-05T10:00");
		presence.pause(anna, "busy elsewhere");
		Instant enteredAt = clock.instant().minusSeconds(95);
		asterisk.newChannel()
			.variable("HELPLINE_ID", Long.toString(helpline.id()))
			.variable("HELPLINE_QUEUED_AT", Long.toString(enteredAt.toEpochMilli()))
			.variable("HELPLINE_CALLER_GROUP", "PROFESSIONAL")
			.variable("HELPLINE_LANGUAGE", "nl");
		CompletableFuture<FakeAsterisk.Session> waiting = CompletableFuture
			.supplyAsync(() -> asterisk.run("queue?ring=NOANSWER", HELPLINE_NUMBER), callers);
		await().atMost(Duration.ofSeconds(10)).until(() -> queue.holds(asterisk.uniqueId()));
		queue.leave(asterisk.uniqueId());
		waiting.join();

		asterisk.run("ended?dialstatus=&talk=&fallback=", HELPLINE_NUMBER);

		var record = jdbc.sql("select caller_group, withheld, waiting_seconds from contact_record")
			.query((rs, n) -> List.of(String.valueOf(rs.getString(1)), rs.getBoolean(2), rs.getInt(3)))
			.single();
		assertThat(record).containsExactly("PROFESSIONAL", false, 90);
	}

	@Test
	void answeredCallPutsTheCounsellorOnTheCallAndItsEndIntoWrapUpWithOneRecord() {
		at("2027-01-05T10:00");
		asterisk.call(HELPLINE_NUMBER);
		String caller = asterisk.uniqueId();
		clock.advance(Duration.ofSeconds(4));

		new FakeAsterisk(agiPort()).run("answered?call=" + caller, HELPLINE_NUMBER);
		assertThat(presence.status(anna).state()).isEqualTo(CounsellorState.ON_CALL);

		clock.advance(Duration.ofSeconds(95));
		asterisk.run("ended?dialstatus=ANSWER&talk=95", HELPLINE_NUMBER);
		assertThat(presence.status(anna).state()).isEqualTo(CounsellorState.WRAP_UP);
		// Kept to their 30 s bucket (issue 11): ringing 4 s, talk 95 s.
		assertThat(records()).containsExactly("ANSWERED ringing=0 talk=90 counsellor=" + anna);
	}

	@Test
	void theCounsellorsPageKnowsTheCurrentCallWithoutItsNumberAndThenTheRecordToWrapUp() {
		at("2027-01-05T10:00");
		asterisk.call(HELPLINE_NUMBER);
		String caller = asterisk.uniqueId();
		clock.advance(Duration.ofSeconds(4));

		new FakeAsterisk(agiPort()).run("answered?call=" + caller, HELPLINE_NUMBER);

		assertThat(counsellorCalls.current(anna)).hasValueSatisfying(call -> {
			assertThat(call.tag()).isEqualTo("nieuwe beller");
			assertThat(call.language()).isEqualTo(Language.DUTCH);
			assertThat(call.toString()).doesNotContain("0612345678");
		});
		asterisk.run("ended?dialstatus=ANSWER&talk=95", HELPLINE_NUMBER);
		long recorded = jdbc.sql("select id from contact_record").query(Long.class).single();
		assertThat(counsellorCalls.current(anna)).isEmpty();
		assertThat(counsellorCalls.lastContact(anna)).contains(recorded);
	}

	@Test
	void aCallerWhoHangsUpWhileWaitingLeavesOneAbandonedRecord() {
		presence.pause(anna, "lunch");
		at("2027-01-05T10:00");
		CompletableFuture<FakeAsterisk.Session> waiting = CompletableFuture
			.supplyAsync(() -> asterisk.presses("1!").hangUpAfter(10).call(HELPLINE_NUMBER), callers);
		await().atMost(Duration.ofSeconds(10)).until(() -> callersWaiting() == 1);
		clock.advance(Duration.ofSeconds(40));

		asteriskEvents.channelGone(asterisk.uniqueId());
		waiting.join();
		asterisk.run("ended?dialstatus=&talk=", HELPLINE_NUMBER);

		assertThat(records()).containsExactly("ABANDONED_WAITING ringing=null talk=null counsellor=null");
		assertThat(waitingSeconds()).as("40 s, kept to its 30 s bucket").isEqualTo(30);
	}

	@Test
	void aWaitingCallerTheDialplanHadToGiveUpOnIsATechnicalFailureNotAnAbandonedCall() {
		presence.pause(anna, "lunch");
		at("2027-01-05T10:00");
		CompletableFuture<FakeAsterisk.Session> waiting = CompletableFuture
			.supplyAsync(() -> asterisk.presses("1!").hangUpAfter(10).call(HELPLINE_NUMBER), callers);
		await().atMost(Duration.ofSeconds(10)).until(() -> callersWaiting() == 1);
		asteriskEvents.channelGone(asterisk.uniqueId());
		waiting.join();

		asterisk.run("ended?dialstatus=&talk=&fallback=final", HELPLINE_NUMBER);

		assertThat(records()).containsExactly("TECHNICAL_FAILURE ringing=null talk=null counsellor=null");
	}

	@Test
	void aCallTheRestartedServiceNeverSawEndsAsATechnicalFailureWhenTheDialplanGaveUp() {
		at("2027-01-05T10:00");
		asterisk.newChannel().variable("HELPLINE_ID", String.valueOf(helpline.id()));

		asterisk.run("ended?dialstatus=&talk=&fallback=final", HELPLINE_NUMBER);

		assertThat(records()).containsExactly("TECHNICAL_FAILURE ringing=null talk=null counsellor=null");
	}

	@Test
	void aClosedCallLeavesOneOutOfHoursRecordEvenWhenTheCallerHangsUpEarly() {
		at("2027-01-05T20:00");

		asterisk.hangUpAfter(2).call(HELPLINE_NUMBER);

		assertThat(records()).containsExactly("OUT_OF_HOURS ringing=null talk=null counsellor=null");
	}

	@Test
	void aCallToAnUnknownNumberLeavesNoRecord() {
		at("2027-01-05T10:00");

		asterisk.call("08009999999");

		assertThat(records()).isEmpty();
	}

	@Test
	void theCounsellorSeesHowOftenThisPseudonymousCallerCalledThisYear() {
		at("2027-01-05T20:00");
		asterisk.callerNumber("+31612345678").call(HELPLINE_NUMBER);
		asterisk.callerNumber("0612345678").call(HELPLINE_NUMBER);
		at("2027-01-06T10:00");

		FakeAsterisk.Session call = asterisk.callerNumber("0031612345678").presses("1").call(HELPLINE_NUMBER);
		queue.leave(asterisk.uniqueId());
		FakeAsterisk.Session withheld = asterisk.callerNumber("anonymous").presses("3").call(HELPLINE_NUMBER);

		assertThat(call.variables()).containsEntry("HELPLINE_CALLERID_NAME",
				"Stop it Now - eigen gevoelens - 3e oproep dit jaar");
		assertThat(withheld.variables()).containsEntry("HELPLINE_CALLERID_NAME",
				"Stop it Now - professional - nummer afgeschermd");
	}

	@Test
	void aCountOfEarlierCallsThatTakesTooLongDoesNotHoldTheCounsellorsRing() throws Exception {
		at("2027-01-06T10:00");
		try (Connection other = dataSource.getConnection()) {
			// Another transaction holds the records: the count waits for it (up to lock_timeout).
			other.setAutoCommit(false);
			other.createStatement().execute("lock table contact_record in access exclusive mode");
			long start = System.nanoTime();

			FakeAsterisk.Session call = asterisk.presses("1").call(HELPLINE_NUMBER);

			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
			assertThat(call.variables()).containsEntry("HELPLINE_DESTINATION", "PJSIP/counsellor-1")
				.containsEntry("HELPLINE_CALLERID_NAME", "Stop it Now - eigen gevoelens - eerdere oproepen onbekend");
			other.rollback();
		}
	}

	@Test
	void aCallerBackFromAFailedSessionKeepsTheirPlaceAheadOfANewerCaller() throws Exception {
		presence.pause(anna, "lunch");
		at("2027-01-05T10:00");
		FakeAsterisk newer = new FakeAsterisk(agiPort());
		CompletableFuture<FakeAsterisk.Session> newerCall = CompletableFuture
			.supplyAsync(() -> newer.call(HELPLINE_NUMBER), callers);
		await().atMost(Duration.ofSeconds(10)).until(() -> callersWaiting() == 1);
		// Queued five minutes ago, before the service restarted: the channel remembers.
		String fiveMinutesAgo = Long.toString(clock.instant().minusSeconds(300).toEpochMilli());
		FakeAsterisk earlier = new FakeAsterisk(agiPort()).newChannel().variable("HELPLINE_QUEUED_AT", fiveMinutesAgo);
		CompletableFuture<FakeAsterisk.Session> earlierCall = CompletableFuture
			.supplyAsync(() -> earlier.run("incoming?dialled=" + HELPLINE_NUMBER, HELPLINE_NUMBER), callers);
		await().atMost(Duration.ofSeconds(10)).until(() -> callersWaiting() == 2);

		presence.resume(anna);

		FakeAsterisk.Session first = earlierCall.get(10, TimeUnit.SECONDS);
		assertThat(first.action()).isEqualTo("open");
		assertThat(first.streamedFiles()).as("no second welcome").doesNotContain("helpline/nl/welcome");
		assertThat(newerCall).isNotDone();
		queue.leave(newer.uniqueId());
		assertThat(newerCall.get(10, TimeUnit.SECONDS).action()).isNotEqualTo("open");
	}

	private List<String> records() {
		return jdbc.sql("select outcome, ringing_seconds, talk_seconds, counsellor_id from contact_record order by id")
			.query((rs, n) -> rs.getString(1) + " ringing=" + rs.getObject(2) + " talk=" + rs.getObject(3)
					+ " counsellor=" + rs.getObject(4))
			.list();
	}

	private int waitingSeconds() {
		return jdbc.sql("select waiting_seconds from contact_record").query(Integer.class).single();
	}

	@Test
	void callerWithNobodyFreeHearsMusicAndTheirPositionThenOverflows() throws Exception {
		presence.pause(anna, "lunch");
		routing.update(helpline.id(), new RoutingSettings(null, null, null, 30, 10, "POSITION", null, null));
		at("2027-01-05T10:00");

		CompletableFuture<FakeAsterisk.Session> waiting = CompletableFuture.supplyAsync(() -> asterisk.call(HELPLINE_NUMBER), callers);
		await().atMost(Duration.ofSeconds(10)).until(() -> callersWaiting() == 1);
		clock.advance(Duration.ofSeconds(10));
		// The waiting caller notices the clock within a second and hears the announcement.
		Thread.sleep(1_500);
		clock.advance(Duration.ofSeconds(25));
		FakeAsterisk.Session call = waiting.get(10, TimeUnit.SECONDS);

		assertThat(call.commands()).anyMatch(c -> c.startsWith("SET MUSIC ON"));
		assertThat(call.streamedFiles()).containsSubsequence("helpline/nl/welcome", "helpline/nl/queue-position",
				"helpline/nl/number-1", "helpline/nl/queue-position-end", "helpline/nl/overflow");
		assertThat(call.variables()).containsEntry("HELPLINE_OUTCOME", "overflow").containsEntry("HELPLINE_ACTION",
				"closed");
		assertThat(callersWaiting()).isZero();
	}

	@Test
	void onAnOpenLineWithEveryonePausedTheCallerHearsNobodyIsAvailableAndWhereElseToTurn() throws Exception {
		presence.pause(anna, "lunch");
		routing.update(helpline.id(), new RoutingSettings(null, null, null, 30, 10, "POSITION", null, null, 0));
		at("2027-01-05T10:00");

		FakeAsterisk.Session call = asterisk.call(HELPLINE_NUMBER);

		assertThat(call.streamedFiles()).containsSubsequence("helpline/nl/welcome", "helpline/nl/nobody-available",
				"helpline/nl/alternatives");
		assertThat(call.variables()).containsEntry("HELPLINE_OUTCOME", "nobody-available")
			.containsEntry("HELPLINE_ACTION", "closed");
		assertThat(callersWaiting()).isZero();
	}

	private int callersWaiting() {
		return queue.summaries().stream().filter(q -> q.helplineId() == helpline.id()).mapToInt(q -> q.waiting()).sum();
	}

	@Test
	void eveningCallHearsClosedAndTomorrowsOpeningInDutchThenEnglish() {
		at("2027-01-05T20:00");

		FakeAsterisk.Session call = asterisk.call(HELPLINE_NUMBER);

		assertThat(call.commands().getFirst()).isEqualTo("ANSWER");
		assertThat(call.streamedFiles()).containsExactly("helpline/nl/closed-evening", "helpline/nl/opens-again",
				"helpline/nl/day-tomorrow", "helpline/nl/at", "helpline/nl/hour-9", "helpline/nl/alternatives",
				"helpline/en/closed-evening", "helpline/en/opens-again", "helpline/en/day-tomorrow", "helpline/en/at",
				"helpline/en/hour-9", "helpline/en/oclock", "helpline/en/alternatives");
		assertThat(call.variables()).containsEntry("HELPLINE_OUTCOME", "closed_outside_hours");
		assertThat(call.action()).isEqualTo("closed");
		assertThat(call.variables().keySet()).as("the dialplan acts only once everything was played")
			.containsSubsequence("HELPLINE_OUTCOME", "HELPLINE_ACTION");
	}

	@Test
	void weekendCallHearsWeTheLineOpensOnMonday() {
		at("2027-01-09T11:00");

		FakeAsterisk.Session call = asterisk.call(HELPLINE_NUMBER);

		assertThat(call.streamedFiles()).startsWith("helpline/nl/closed-weekend", "helpline/nl/opens-again",
				"helpline/nl/day-monday", "helpline/nl/at", "helpline/nl/hour-9");
		assertThat(call.variables()).containsEntry("HELPLINE_OUTCOME", "closed_not_open_today");
	}

	@Test
	void kingsDayCallHearsTheHolidayMessage() {
		at("2027-04-27T10:00");

		FakeAsterisk.Session call = asterisk.call(HELPLINE_NUMBER);

		assertThat(call.streamedFiles()).startsWith("helpline/nl/closed-holiday", "helpline/nl/opens-again",
				"helpline/nl/day-tomorrow");
		assertThat(call.variables()).containsEntry("HELPLINE_OUTCOME", "closed_public_holiday");
	}

	@Test
	void closureDayCallHearsTheClosureMessageAndTheDateWeReopen() {
		helplines.addClosure(helpline.id(),
				new Closure(LocalDate.parse("2027-01-11"), LocalDate.parse("2027-01-22"), "Team training", null));
		at("2027-01-12T10:00");

		FakeAsterisk.Session call = asterisk.call(HELPLINE_NUMBER);

		assertThat(call.streamedFiles()).startsWith("helpline/nl/closed-closure", "helpline/nl/opens-again",
				"helpline/nl/day-monday", "helpline/nl/date-25", "helpline/nl/month-1", "helpline/nl/at",
				"helpline/nl/hour-9", "helpline/nl/alternatives");
		assertThat(call.variables()).containsEntry("HELPLINE_OUTCOME", "closed_closure");
	}

	@Test
	void specialOpeningOnAHolidayQueuesTheCall() {
		helplines.addSpecialOpening(helpline.id(), new SpecialOpening(LocalDate.parse("2027-04-27"),
				LocalTime.of(10, 0), LocalTime.of(14, 0), "Open on King's Day"));
		at("2027-04-27T11:00");

		FakeAsterisk.Session call = asterisk.call(HELPLINE_NUMBER);

		assertThat(call.action()).isEqualTo("open");
	}

	@Test
	void unknownNumberHearsTheNotInUseMessageInBothLanguages() {
		at("2027-01-05T10:00");

		FakeAsterisk.Session call = asterisk.call("08009999999");

		assertThat(call.streamedFiles()).containsExactly("helpline/nl/unknown-number", "helpline/en/unknown-number");
		assertThat(call.action()).isEqualTo("unknown");
	}

	@Test
	void changedOpeningHoursTakeEffectOnTheNextCall() {
		at("2027-01-05T20:00");
		assertThat(asterisk.call(HELPLINE_NUMBER).action()).isEqualTo("closed");

		helplines.replaceOpeningHours(helpline.id(),
				List.of(new OpeningInterval(DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(22, 0))));

		assertThat(asterisk.call(HELPLINE_NUMBER).action()).isEqualTo("open");
	}

	@Test
	void callerWhoHangsUpDuringTheMessageEndsTheScriptQuietly(CapturedOutput output) {
		at("2027-01-05T20:00");
		double before = scriptRuns("caller_hung_up");

		FakeAsterisk.Session call = asterisk.hangUpAfter(3).call(HELPLINE_NUMBER);

		assertThat(call.streamedFiles()).hasSize(3);
		assertThat(call.action()).isNull();
		assertThat(scriptRuns("caller_hung_up")).isEqualTo(before + 1);
		assertThat(output.getAll()).doesNotContain("AGI script 'incoming' failed");
	}

	@Test
	void garbageOnTheAgiPortIsRefusedAndTheNextCallIsServed() {
		at("2027-01-05T10:00");
		byte[] garbage = new byte[4096];
		new Random(42).nextBytes(garbage);

		FakeAsterisk.Session refused = asterisk.sendRaw(garbage);
		FakeAsterisk.Session halfRequest = asterisk.sendRaw("agi_network: yes\nagi_network_script: incom"
			.getBytes(StandardCharsets.UTF_8));

		assertThat(refused.variables()).doesNotContainKey("HELPLINE_ACTION");
		assertThat(halfRequest.variables()).doesNotContainKey("HELPLINE_ACTION");
		assertThat(asterisk.call(HELPLINE_NUMBER).action()).isEqualTo("open");
	}

	@Test
	void aRequestForAnotherScriptRunsNothing() {
		at("2027-01-05T10:00");
		// A script class that is on the classpath: a class-name mapping would run it.
		String script = "org.asteriskjava.examples.fastagi.ExampleCallIn";
		String request = "agi_network: yes\nagi_network_script: " + script + "\nagi_request: agi://127.0.0.1/" + script
				+ "\nagi_uniqueid: 1798102800.99\n\n";

		FakeAsterisk.Session session = asterisk.sendRaw(request.getBytes(StandardCharsets.UTF_8));

		assertThat(session.commands()).allMatch(c -> c.startsWith("VERBOSE "));
	}

	@Test
	void silentHalfOpenConnectionDoesNotBlockCallsAndIsDroppedAfterTheReadTimeout() throws Exception {
		at("2027-01-05T10:00");
		try (Socket silent = new Socket("127.0.0.1", agiPort())) {
			silent.setSoTimeout(10_000);

			assertThat(asterisk.call(HELPLINE_NUMBER).action()).isEqualTo("open");

			InputStream in = silent.getInputStream();
			long started = System.nanoTime();
			assertThat(in.read()).as("server closes the silent connection").isEqualTo(-1);
			assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(9_000);
		}
	}

	@Test
	void theCallersNumberNeverReachesTheLog(CapturedOutput output) {
		at("2027-01-05T20:00");
		asterisk.callerNumber("+31612345678").call(HELPLINE_NUMBER);
		asterisk.callerNumber("+31612345678").hangUpAfter(1).call(HELPLINE_NUMBER);
		asterisk.callerNumber("+31612345678").call("08009999999");

		assertThat(output.getAll()).doesNotContain("612345678");
	}

	@Test
	void everyScriptRunIsTimed() {
		at("2027-01-05T10:00");
		double before = scriptRuns("completed");

		asterisk.call(HELPLINE_NUMBER);

		assertThat(scriptRuns("completed")).isEqualTo(before + 1);
		assertThat(meters.get("helpline.calls").tag("outcome", "open").counter().count()).isPositive();
	}

	private double scriptRuns(String status) {
		var timer = meters.find("helpline.agi.script").tag("script", "incoming").tag("status", status).timer();
		return timer == null ? 0 : timer.count();
	}

	private void at(String localDateTime) {
		clock.set(LocalDateTime.parse(localDateTime).atZone(AMSTERDAM).toInstant());
	}

}
