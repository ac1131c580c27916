package org.helpline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.helpline.IntegrationTest;
import org.helpline.helplines.Helpline;
import org.helpline.helplines.HelplineSettings;
import org.helpline.schedule.OpeningInterval;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real calls: SIPp callers and counsellor phones, a real Asterisk 22 running the repository's
 * dialplan, and this application answering over FastAGI. The helpline's time comes from the
 * test clock, never from the CI machine's wall clock.
 */
@Tag("e2e")
@ExtendWith(OutputCaptureExtension.class)
class AsteriskCallIT extends IntegrationTest {

	static final String HELPLINE_NUMBER = "08002666436";

	static final String CALLER = "+31612345678";

	/** The part of the caller's number that every written form of it contains. */
	static final String CALLER_DIGITS = "612345678";

	static final int CALLER_MEDIA_PORT = 40000;

	@Autowired
	MeterRegistry meters;

	/** The FastAGI server, stopped in one test to play a backend that is down. */
	@Autowired
	@Qualifier("fastAgiLifecycle")
	SmartLifecycle agi;

	@LocalServerPort
	int httpPort;

	private static boolean asteriskStarted;

	@BeforeEach
	void startAsteriskOnce() {
		if (!asteriskStarted) {
			asteriskStarted = true;
			AsteriskSandbox.start(agiPort());
		}
	}

	@AfterAll
	static void stopAsterisk() {
		AsteriskSandbox.stop();
	}

	@BeforeEach
	void officeHoursHelpline() {
		Helpline helpline = helplines.create(new HelplineSettings("Stop it Now", List.of(HELPLINE_NUMBER),
				"Europe/Amsterdam", "NL", "nl", "PJSIP/counsellor-1", 20));
		List<OpeningInterval> weekdays = new ArrayList<>();
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			weekdays.add(new OpeningInterval(day, LocalTime.of(9, 0), LocalTime.of(17, 0)));
		}
		helplines.replaceOpeningHours(helpline.id(), weekdays);
	}

	@Test
	void callOutsideOpeningHoursHearsTheClosedMessageAndAsteriskHangsUp() {
		at("2027-01-05T20:00");
		double before = calls("closed_outside_hours");
		double completedBefore = scriptRuns("completed");

		try (RtpListener ear = new RtpListener(CALLER_MEDIA_PORT);
				Sipp caller = Sipp.caller("caller.xml", HELPLINE_NUMBER, CALLER, CALLER_MEDIA_PORT)) {

			assertThat(caller.exitCode(Duration.ofSeconds(120))).as(caller.output()).isZero();
			assertThat(caller.messages()).contains("BYE sip:");
			assertThat(ear.voicedSeconds()).as("seconds of message heard").isGreaterThan(10);
		}
		assertThat(calls("closed_outside_hours")).isEqualTo(before + 1);
		assertThat(scriptRuns("completed")).as("one script, run to its end").isEqualTo(completedBefore + 1);
	}

	@Test
	void callInsideOpeningHoursReachesTheCounsellorsPhoneWithoutTheCallersNumber() {
		at("2027-01-05T10:00");

		try (Sipp phone = Sipp.phone("counsellor-answer.xml", 5081);
				RtpListener ear = new RtpListener(CALLER_MEDIA_PORT);
				Sipp caller = Sipp.caller("caller-hangs-up.xml", HELPLINE_NUMBER, CALLER, CALLER_MEDIA_PORT, "-d",
						"3000")) {

			assertThat(caller.exitCode(Duration.ofSeconds(60))).as(caller.output()).isZero();
			assertThat(phone.exitCode(Duration.ofSeconds(30))).as(phone.output()).isZero();
			String invite = firstInvite(phone.messages());
			assertThat(invite).contains("INVITE sip:counsellor-1@").contains(HELPLINE_NUMBER).contains("Stop it Now");
			assertThat(invite).doesNotContain(CALLER_DIGITS);
		}
	}

	@Test
	void withTheBackendStoppedTheCallerHearsTheFallbackAndTheCallEndsCleanly() {
		at("2027-01-05T10:00");
		agi.stop();
		try (RtpListener ear = new RtpListener(CALLER_MEDIA_PORT);
				Sipp caller = Sipp.caller("caller.xml", HELPLINE_NUMBER, CALLER, CALLER_MEDIA_PORT)) {

			assertThat(caller.exitCode(Duration.ofSeconds(120))).as(caller.output()).isZero();
			assertThat(caller.messages()).contains("BYE sip:");
			assertThat(ear.voicedSeconds()).as("seconds of fallback message heard").isGreaterThan(5);
		}
		finally {
			agi.start();
		}
	}

	@Test
	void theCallersNumberIsWrittenNowhere(CapturedOutput output) {
		at("2027-01-05T20:00");
		try (RtpListener ear = new RtpListener(CALLER_MEDIA_PORT);
				Sipp caller = Sipp.caller("caller-hangs-up.xml", HELPLINE_NUMBER, CALLER, CALLER_MEDIA_PORT, "-d",
						"2000")) {
			assertThat(caller.exitCode(Duration.ofSeconds(60))).as(caller.output()).isZero();
		}
		at("2027-01-05T10:00");
		try (Sipp phone = Sipp.phone("counsellor-answer.xml", 5081);
				RtpListener ear = new RtpListener(CALLER_MEDIA_PORT);
				Sipp caller = Sipp.caller("caller-hangs-up.xml", HELPLINE_NUMBER, "0612345678", CALLER_MEDIA_PORT,
						"-d", "2000")) {
			assertThat(caller.exitCode(Duration.ofSeconds(60))).as(caller.output()).isZero();
			assertThat(phone.exitCode(Duration.ofSeconds(30))).isZero();
			assertThat(phone.messages()).doesNotContain(CALLER_DIGITS);
		}

		assertThat(databaseDump()).isNotEmpty().doesNotContain(CALLER_DIGITS);
		assertThat(output.getAll()).isNotEmpty().doesNotContain(CALLER_DIGITS);
		assertThat(metricsPage()).contains("helpline_calls_total").doesNotContain(CALLER_DIGITS);
		List<Path> written = AsteriskSandbox.filesAsteriskWrote();
		assertThat(written).as("Asterisk's files were found").isNotEmpty();
		assertThat(written).noneMatch(f -> f.toString().contains("cdr") || f.toString().contains("cel")
				|| f.getFileName().toString().equals("queue_log"));
		Map<Path, String> leaks = written.stream()
			.filter(f -> read(f).contains(CALLER_DIGITS))
			.collect(Collectors.toMap(f -> f, f -> "contains the caller's number"));
		assertThat(leaks).isEmpty();
	}

	private String databaseDump() {
		List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = 'public'")
			.query(String.class)
			.list();
		StringBuilder dump = new StringBuilder();
		for (String table : tables) {
			jdbc.sql("select * from " + table).query().listOfRows().forEach(row -> dump.append(table).append(row));
		}
		return dump.toString();
	}

	private String metricsPage() {
		return RestClient.create("http://127.0.0.1:" + httpPort)
			.get()
			.uri("/actuator/prometheus")
			.headers(h -> h.setBasicAuth("operator", "local-dev-only"))
			.retrieve()
			.body(String.class);
	}

	private static String firstInvite(String messages) {
		int start = messages.indexOf("INVITE sip:");
		assertThat(start).as("the phone received an INVITE").isNotNegative();
		int end = messages.indexOf("\n\n", start);
		return messages.substring(start, end < 0 ? messages.length() : end);
	}

	private static String read(Path file) {
		try {
			return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private double calls(String outcome) {
		var counter = meters.find("helpline.calls").tag("outcome", outcome).counter();
		return counter == null ? 0 : counter.count();
	}

	private double scriptRuns(String status) {
		var timer = meters.find("helpline.agi.script").tag("script", "incoming").tag("status", status).timer();
		return timer == null ? 0 : timer.count();
	}

	private void at(String localDateTime) {
		clock.set(LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/Amsterdam")).toInstant());
	}

}
