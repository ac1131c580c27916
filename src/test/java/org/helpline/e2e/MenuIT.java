package org.helpline.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.helpline.counsellors.CounsellorSettings;
import org.helpline.counsellors.Counsellors;
import org.helpline.counsellors.Presence;
import org.helpline.menu.Action;
import org.helpline.menu.Choice;
import org.helpline.menu.Menu;
import org.helpline.menu.Option;
import org.helpline.prompts.Prompt;
import org.helpline.prompts.PromptAudio;
import org.helpline.prompts.Prompts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The caller's menu with a real Asterisk: keys as SIP INFO and as RFC 2833 events in the
 * media, the default after silence, and prompts an operator just rewrote.
 */
class MenuIT extends AsteriskTest {

	static final String CALLER = "0612345678";

	@Autowired
	Counsellors counsellors;

	@Autowired
	Presence presence;

	@Autowired
	Prompts prompts;

	@Autowired
	PromptAudio audio;

	@BeforeEach
	void annaIsFreeAtTenOnATuesday() {
		at("2027-01-05T10:00");
		presence.signIn(counsellors.create(new CounsellorSettings("Anna", "counsellor-1", null, null, Map.of(), Map.of()))
			.id());
	}

	/** The counsellor's phone also hears the whisper (the caller sends no sound). */
	@Test
	void aCallerWhoPressesTwoAsSipInfoReachesACounsellorAsPartnerOrFamily() {
		menus.save(helpline.id(), Menu.defaults(), "e2e");

		try (Sipp phone = Sipp.phone("counsellor-answer.xml", 5081);
				RtpListener counsellorsEar = new RtpListener(45081);
				Sipp caller = Sipp.caller("caller-dtmf.xml", HELPLINE_NUMBER, CALLER, CALLER_MEDIA_PORT, "-d", "3000",
						"-set", "digits", "2")) {
			await().atMost(Duration.ofSeconds(60)).until(() -> counsellorsEar.voicedSeconds() > 1);
			endOnceTheCounsellorIsCalled(phone);

			assertThat(caller.exitCode(Duration.ofSeconds(60))).as(caller.output()).isZero();
			assertThat(phone.messages()).contains("partner/familie").doesNotContain("612345678");
		}
		assertThat(recordedGroups()).containsExactly("PARTNER_FAMILY ANSWERED");
	}

	/**
	 * Issue 12: skills in the README's spelling ({@code "SELF"}) were refused, and lower-case
	 * ones never matched the menu's choice; now the caller's group decides whose phone rings.
	 */
	@Test
	void aCallerWhoPressesThreeReachesTheCounsellorForProfessionalsWhileTheLongerIdleOneIsFreeToo() {
		menus.save(helpline.id(), Menu.defaults(), "e2e");
		long anna = counsellors.all().getFirst().id();
		counsellors.update(anna, new CounsellorSettings("Anna", "counsellor-1", null, null, Map.of("SELF", 1),
				Map.of()));
		clock.advance(Duration.ofMinutes(5));
		presence.signIn(counsellors.create(new CounsellorSettings("Bram", "counsellor-2", null, null,
				Map.of("PROFESSIONAL", 1), Map.of())).id());

		try (Sipp annasPhone = Sipp.phone("counsellor-answer.xml", 5081);
				Sipp bramsPhone = Sipp.phone("counsellor-answer.xml", 5082);
				Sipp caller = Sipp.caller("caller-dtmf.xml", HELPLINE_NUMBER, CALLER, CALLER_MEDIA_PORT, "-d", "3000",
						"-set", "digits", "3")) {
			await().atMost(Duration.ofSeconds(60)).until(() -> bramsPhone.messages().contains("INVITE sip:counsellor-2@"));
			await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
			AsteriskSandbox.cli("channel request hangup all");

			assertThat(caller.exitCode(Duration.ofSeconds(60))).as(caller.output()).isZero();
			assertThat(bramsPhone.messages()).contains("professional").doesNotContain("612345678");
			assertThat(annasPhone.messages()).doesNotContain("INVITE sip:");
		}
		assertThat(recordedGroups()).containsExactly("PROFESSIONAL ANSWERED");
	}

	@Test
	void aCallerWhosePhoneSendsTheKeyInTheMediaStreamIsHeardToo() {
		menus.save(helpline.id(), Menu.defaults(), "e2e");

		try (Sipp phone = Sipp.phone("counsellor-answer.xml", 5081);
				Sipp caller = Sipp.caller("caller-rfc2833.xml", HELPLINE_NUMBER, CALLER, CALLER_MEDIA_PORT, "-d",
						"3000", "-mp", Integer.toString(CALLER_MEDIA_PORT))) {
			endOnceTheCounsellorIsCalled(phone);

			assertThat(caller.exitCode(Duration.ofSeconds(60))).as(caller.output()).isZero();
			assertThat(phone.messages()).contains("partner/familie");
		}
		assertThat(recordedGroups()).containsExactly("PARTNER_FAMILY ANSWERED");
	}

	@Test
	void aCallerWhoPressesNothingHearsTheOperatorsNewWelcomeAndGetsTheDefaultAfterTheRepeats() {
		double unplayedBefore = unplayed();
		prompts.setText("nl", "welcome", "Welkom. Je belt anoniem.", "operator");
		prompts.setText("nl", "e2e-choice", "Toets 1 of 2.", "operator");
		prompts.setText("en", "e2e-choice", "Press 1 or 2.", "operator");
		menus.save(helpline.id(), new Menu("welcome", List.of("nl", "en"), new Choice("e2e-choice",
				List.of(queue("1", "SELF"), queue("2", "PARTNER_FAMILY"), queue("0", "OTHER")), 1, 1, "0", null, null),
				true), "e2e");
		assertThat(audio.fileFor(new Prompt("nl", "welcome"))).startsWith("helpline-live/nl/welcome-");

		try (Sipp phone = Sipp.phone("counsellor-answer.xml", 5081);
				RtpListener ear = new RtpListener(CALLER_MEDIA_PORT);
				Sipp caller = Sipp.caller("caller.xml", HELPLINE_NUMBER, CALLER, CALLER_MEDIA_PORT)) {
			endOnceTheCounsellorIsCalled(phone);

			assertThat(caller.exitCode(Duration.ofSeconds(60))).as(caller.output()).isZero();
			assertThat(phone.messages()).contains("andere vraag");
			assertThat(ear.voicedSeconds()).as("seconds of welcome and question heard").isGreaterThan(2);
		}
		assertThat(recordedGroups()).containsExactly("OTHER ANSWERED");
		assertThat(unplayed()).as("prompts Asterisk could not open").isEqualTo(unplayedBefore);
		prompts.delete("nl", "welcome");
	}

	/** The counsellor's phone answered: hang everything up, as a caller ending the talk would. */
	private void endOnceTheCounsellorIsCalled(Sipp phone) {
		await().atMost(Duration.ofSeconds(60)).until(() -> phone.messages().contains("INVITE sip:counsellor-1@"));
		await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
		AsteriskSandbox.cli("channel request hangup all");
	}

	private List<String> recordedGroups() {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select count(*) from contact_record").query(Integer.class).single() >= 1);
		return jdbc.sql("select caller_group || ' ' || outcome from contact_record order by id").query(String.class).list();
	}

	private double unplayed() {
		var counter = meters.find("helpline.prompts.unplayed").counter();
		return counter == null ? 0 : counter.count();
	}

	private static Option queue(String digit, String group) {
		return new Option(digit, Action.QUEUE, group, null, null);
	}

}
