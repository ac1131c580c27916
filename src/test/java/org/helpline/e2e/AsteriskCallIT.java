package org.helpline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.helpline.counsellors.CounsellorSettings;
import org.helpline.counsellors.Counsellors;
import org.helpline.counsellors.Presence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.SmartLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The call flows of a helpline whose counsellors are not the point: closed, backend down,
 * and the privacy search over everything the system wrote.
 */
@ExtendWith(OutputCaptureExtension.class)
class AsteriskCallIT extends AsteriskTest {

	static final String CALLER = "+31612345678";

	/** The part of the caller's number that every written form of it contains. */
	static final String CALLER_DIGITS = "612345678";

	/** The FastAGI server, stopped in one test to play a backend that is down. */
	@Autowired
	@Qualifier("fastAgiLifecycle")
	SmartLifecycle agi;

	@Autowired
	Counsellors counsellors;

	@Autowired
	Presence presence;

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
		assertThat(recordedOutcomes(1)).containsExactly("OUT_OF_HOURS");
		assertThat(scriptRuns("completed")).as("one script, run to its end").isEqualTo(completedBefore + 1);
	}

	@Test
	void callInsideOpeningHoursReachesTheCounsellorsPhoneWithoutTheCallersNumber() {
		at("2027-01-05T10:00");
		long anna = signedIn("counsellor-1");

		try (Sipp phone = Sipp.phone("counsellor-answer.xml", 5081);
				RtpListener ear = new RtpListener(CALLER_MEDIA_PORT);
				Sipp caller = Sipp.caller("caller-hangs-up.xml", HELPLINE_NUMBER, CALLER, CALLER_MEDIA_PORT, "-d",
						"12000")) {

			assertThat(caller.exitCode(Duration.ofSeconds(60))).as(caller.output()).isZero();
			assertThat(phone.exitCode(Duration.ofSeconds(30))).as(() -> presence.status(anna) + phone.output()).isZero();
			String invite = firstInvite(phone.messages());
			assertThat(invite).contains("INVITE sip:counsellor-1@").contains(HELPLINE_NUMBER).contains("Stop it Now");
			assertThat(invite).doesNotContain(CALLER_DIGITS);
		}
		assertThat(recordedOutcomes(1)).containsExactly("ANSWERED");
	}

	@Test
	void withTheBackendStoppedTheCallerHearsTheFallbackAndTheCallEndsCleanly() {
		at("2027-01-05T10:00");
		agi.stop();
		// The last fallback, sooner than the 2 minutes a node gets to come back (BackendFailoverIT tries that)
		AsteriskSandbox.cli("dialplan set global HELPLINE_RETRY_WINDOW 8");
		try (RtpListener ear = new RtpListener(CALLER_MEDIA_PORT);
				Sipp caller = Sipp.caller("caller.xml", HELPLINE_NUMBER, CALLER, CALLER_MEDIA_PORT)) {

			assertThat(caller.exitCode(Duration.ofSeconds(120))).as(caller.output()).isZero();
			assertThat(caller.messages()).contains("BYE sip:");
			assertThat(ear.voicedSeconds()).as("seconds of fallback message heard").isGreaterThan(5);
			assertThat(ear.longestSilence()).isLessThan(Duration.ofSeconds(2));
		}
		finally {
			AsteriskSandbox.cli("dialplan set global HELPLINE_RETRY_WINDOW 120");
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
		long anna = signedIn("counsellor-1");
		try (Sipp phone = Sipp.phone("counsellor-answer.xml", 5081);
				RtpListener ear = new RtpListener(CALLER_MEDIA_PORT);
				Sipp caller = Sipp.caller("caller-hangs-up.xml", HELPLINE_NUMBER, "0612345678", CALLER_MEDIA_PORT,
						"-d", "12000")) {
			assertThat(caller.exitCode(Duration.ofSeconds(60))).as(caller.output()).isZero();
			assertThat(phone.exitCode(Duration.ofSeconds(30))).as(() -> presence.status(anna).toString()).isZero();
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
		return restClient().get().uri("/actuator/prometheus").retrieve().body(String.class);
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

	private long signedIn(String endpoint) {
		long id = counsellors.create(new CounsellorSettings("Anna", endpoint, null, null, Map.of(), Map.of())).id();
		presence.signIn(id);
		return id;
	}

}
