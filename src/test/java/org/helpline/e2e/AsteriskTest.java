package org.helpline.e2e;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.helpline.IntegrationTest;
import org.helpline.helplines.Helpline;
import org.helpline.helplines.HelplineSettings;
import org.helpline.menu.Menu;
import org.helpline.menu.Menus;
import org.helpline.schedule.OpeningInterval;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

import static org.awaitility.Awaitility.await;

/**
 * Real calls: SIPp callers and counsellor phones, a real Asterisk 22 running the repository's
 * dialplan, and this application answering over FastAGI and watching over AMI. Asterisk runs
 * for one test class and is stopped by pid after it, pass or fail. The helpline's time comes
 * from the test clock (running at real speed), never from the CI machine's wall clock.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = { "helpline.ami.enabled=true", "helpline.ami.max-retry-delay=2s" })
abstract class AsteriskTest extends IntegrationTest {

	static final String HELPLINE_NUMBER = "08002666436";

	static final int CALLER_MEDIA_PORT = 40000;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Menus menus;

	@LocalServerPort
	int httpPort;

	Helpline helpline;

	/** Operators' recordings go where the sandbox's Asterisk finds them. */
	@DynamicPropertySource
	static void asteriskPlaysTheOperatorsRecordings(DynamicPropertyRegistry registry) {
		registry.add("helpline.prompts.audio-folder",
				() -> AsteriskSandbox.root().resolve("usr/share/asterisk/sounds/helpline-live").toString());
	}

	@BeforeAll
	void startAsterisk() {
		AsteriskSandbox.start(agiPort());
		await().atMost(Duration.ofSeconds(30)).until(() -> health("asteriskManager").contains("\"status\":\"UP\""));
	}

	@AfterAll
	void stopAsterisk() {
		AsteriskSandbox.stop();
	}

	@BeforeEach
	void officeHoursHelplineWithoutCounsellors() {
		jdbc.sql("delete from counsellor").update();
		jdbc.sql("delete from contact_record").update();
		helpline = helplines.create(new HelplineSettings("Stop it Now", List.of(HELPLINE_NUMBER), "Europe/Amsterdam",
				"NL", "nl", 20));
		List<OpeningInterval> weekdays = new ArrayList<>();
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			weekdays.add(new OpeningInterval(day, LocalTime.of(9, 0), LocalTime.of(17, 0)));
		}
		helplines.replaceOpeningHours(helpline.id(), weekdays);
		// Welcome only, so that callers who press nothing are queued at once; MenuIT sets real menus.
		menus.save(helpline.id(), new Menu("welcome", List.of("nl", "en"), null, true), "e2e");
	}

	void at(String localDateTime) {
		clock.setTicking(LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/Amsterdam")).toInstant());
	}

	/** The component's health, also while it is DOWN (then the answer is a 503). */
	String health(String component) {
		return restClient().get()
			.uri("/actuator/health/" + component)
			.exchange((request, response) -> new String(response.getBody().readAllBytes(),
					java.nio.charset.StandardCharsets.UTF_8));
	}

	RestClient restClient() {
		return RestClient.builder()
			.baseUrl("http://127.0.0.1:" + httpPort)
			.defaultHeaders(h -> h.setBasicAuth("operator", "local-dev-only"))
			.defaultStatusHandler(status -> true, (request, response) -> {
			})
			.build();
	}

	/** The outcomes of the contact records written, once the calls' hangup handlers have run. */
	java.util.List<String> recordedOutcomes(int expected) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select count(*) from contact_record").query(Integer.class).single() >= expected);
		return jdbc.sql("select outcome from contact_record order by id").query(String.class).list();
	}

	double calls(String outcome) {
		var counter = meters.find("helpline.calls").tag("outcome", outcome).counter();
		return counter == null ? 0 : counter.count();
	}

	double scriptRuns(String status) {
		var timer = meters.find("helpline.agi.script").tag("script", "incoming").tag("status", status).timer();
		return timer == null ? 0 : timer.count();
	}

}
