package org.helpline.telephony;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.helpline.counsellors.CounsellorSettings;
import org.helpline.counsellors.Counsellors;
import org.helpline.counsellors.Presence;
import org.helpline.helplines.Helpline;
import org.helpline.helplines.HelplineSettings;
import org.helpline.menu.Action;
import org.helpline.menu.Choice;
import org.helpline.menu.Menu;
import org.helpline.menu.Menus;
import org.helpline.menu.Option;
import org.helpline.prompts.Prompts;
import org.helpline.routing.CallQueue;
import org.helpline.schedule.OpeningInterval;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Every branch of the caller's menu, over FastAGI, with a fake Asterisk that presses keys. */
class MenuCallTest extends FakeAsteriskTest {

	static final String NUMBER = "08002666436";

	@Autowired
	Menus menus;

	@Autowired
	Counsellors counsellors;

	@Autowired
	Presence presence;

	@Autowired
	CallQueue queue;

	@Autowired
	Prompts prompts;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	FakeAsterisk asterisk;

	Helpline helpline;

	@BeforeEach
	void openHelplineWithAFreeCounsellor() {
		asterisk = new FakeAsterisk(agiPort());
		helpline = helplines.create(new HelplineSettings("Stop it Now", List.of(NUMBER), "Europe/Amsterdam", "NL", "nl",
				25));
		helplines.replaceOpeningHours(helpline.id(), List.of(new OpeningInterval(DayOfWeek.TUESDAY, LocalTime.of(9, 0),
				LocalTime.of(17, 0))));
		jdbc.sql("delete from counsellor").update();
		jdbc.sql("delete from contact_record").update();
		presence.signIn(counsellors.create(new CounsellorSettings("Anna", "counsellor-1", null, null, Map.of(), Map.of()))
			.id());
		clock.set(LocalDateTime.parse("2027-01-05T10:00").atZone(ZoneId.of("Europe/Amsterdam")).toInstant());
	}

	@Test
	void aCallerWhoPressesTwoAfterTheQuestionIsQueuedAsPartnerOrFamily() {
		FakeAsterisk.Session call = asterisk.presses("2").call(NUMBER);

		assertThat(call.streamedFiles()).containsExactly("helpline/nl/welcome", "helpline/nl/choose-group");
		assertThat(call.keyWaits()).containsExactly(5000);
		assertThat(call.variables()).containsEntry("HELPLINE_CALLER_GROUP", "PARTNER_FAMILY")
			.containsEntry("HELPLINE_ACTION", "open");
	}

	@Test
	void aKeyPressedDuringTheWelcomeChoosesAtOnce() {
		FakeAsterisk.Session call = asterisk.presses("3!").call(NUMBER);

		assertThat(call.streamedFiles()).containsExactly("helpline/nl/welcome");
		assertThat(call.keyWaits()).isEmpty();
		assertThat(call.variables()).containsEntry("HELPLINE_CALLER_GROUP", "PROFESSIONAL");
	}

	@Test
	void withoutSkippingTheWelcomeIsPlayedWholeAndKeysDuringItAreNotHeard() {
		Menu menu = Menu.defaults();
		menus.save(helpline.id(), new Menu(menu.welcome(), menu.languages(), menu.choice(), false), "test");

		FakeAsterisk.Session call = asterisk.presses("3!", "1").call(NUMBER);

		assertThat(call.commands()).contains("STREAM FILE \"helpline/nl/welcome\" \"\"");
		assertThat(call.variables()).containsEntry("HELPLINE_CALLER_GROUP", "SELF");
	}

	@Test
	void aCallerWhoPressesNothingGetsTheDefaultAfterTheRepeats() {
		FakeAsterisk.Session call = asterisk.call(NUMBER);

		assertThat(call.streamedFiles()).containsExactly("helpline/nl/welcome", "helpline/nl/choose-group",
				"helpline/nl/no-choice", "helpline/nl/choose-group", "helpline/nl/no-choice", "helpline/nl/choose-group");
		assertThat(call.keyWaits()).containsExactly(5000, 5000, 5000);
		assertThat(call.variables()).containsEntry("HELPLINE_CALLER_GROUP", "OTHER");
	}

	@Test
	void anInvalidKeyIsExplainedAndTheQuestionAskedAgain() {
		FakeAsterisk.Session call = asterisk.presses("7", "1").call(NUMBER);

		assertThat(call.streamedFiles()).containsExactly("helpline/nl/welcome", "helpline/nl/choose-group",
				"helpline/nl/invalid-choice", "helpline/nl/choose-group");
		assertThat(call.variables()).containsEntry("HELPLINE_CALLER_GROUP", "SELF");
	}

	@Test
	void pressingNineSwitchesToEnglishForTheRestOfTheCall() {
		FakeAsterisk.Session call = asterisk.presses("9", "2").call(NUMBER);

		assertThat(call.streamedFiles()).containsExactly("helpline/nl/welcome", "helpline/nl/choose-group",
				"helpline/en/choose-group");
		assertThat(call.variables()).containsEntry("HELPLINE_LANGUAGE", "en")
			.containsEntry("HELPLINE_CALLER_GROUP", "PARTNER_FAMILY")
			.containsEntry("HELPLINE_CALLERID_NAME", "Stop it Now - partner/family - new caller");
	}

	@Test
	void aMessageOptionPlaysItsMessageAndReturnsToTheQuestion() {
		menus.save(helpline.id(), withExtraOption(new Option("8", Action.MESSAGE_AND_RETURN, null, null,
				"alternatives")), "test");

		FakeAsterisk.Session call = asterisk.presses("8", "1").call(NUMBER);

		assertThat(call.streamedFiles()).containsExactly("helpline/nl/welcome", "helpline/nl/choose-group",
				"helpline/nl/alternatives", "helpline/nl/choose-group");
		assertThat(call.variables()).containsEntry("HELPLINE_CALLER_GROUP", "SELF");
	}

	@Test
	void aMessageAndHangUpOptionEndsTheCallWithOneInformedRecordAndNoQueue() {
		menus.save(helpline.id(), withExtraOption(new Option("8", Action.MESSAGE_AND_HANG_UP, null, null,
				"alternatives")), "test");

		FakeAsterisk.Session call = asterisk.presses("8").call(NUMBER);
		asterisk.run("ended?dialstatus=&talk=", NUMBER);

		assertThat(call.streamedFiles()).endsWith("helpline/nl/alternatives");
		assertThat(call.action()).isEqualTo("closed");
		assertThat(call.variables()).doesNotContainKey("HELPLINE_DESTINATION");
		assertThat(queue.summaries()).filteredOn(summary -> summary.helplineId() == helpline.id())
			.allSatisfy(summary -> assertThat(summary.waiting()).isZero());
		assertThat(outcomes()).containsExactly("INFORMED_IN_MENU");
	}

	@Test
	void aCallerWhoHangsUpInTheMenuLeavesOneAbandonedInMenuRecord() {
		asterisk.hangUpAfter(4).call(NUMBER);
		asterisk.hangUpAfter(Integer.MAX_VALUE).run("ended?dialstatus=&talk=", NUMBER);

		assertThat(outcomes()).containsExactly("ABANDONED_IN_MENU");
		assertThat(jdbc.sql("select caller_group from contact_record").query(String.class).optional()).isEmpty();
	}

	@Test
	void aWelcomeOnlyMenuQueuesWithoutACallerGroup() {
		menus.save(helpline.id(), new Menu("welcome", List.of("nl", "en"), null, true), "test");

		FakeAsterisk.Session call = asterisk.call(NUMBER);

		assertThat(call.streamedFiles()).containsExactly("helpline/nl/welcome");
		assertThat(call.variables()).containsEntry("HELPLINE_CALLER_GROUP", "")
			.containsEntry("HELPLINE_CALLERID_NAME", "Stop it Now - nieuwe beller");
		// queued before the welcome: a free counsellor is claimed while it plays
		assertThat(call.commands().indexOf("STREAM FILE \"helpline/nl/welcome\" \"\""))
			.isGreaterThan(indexOfCommandSetting(call, "HELPLINE_QUEUED_AT"));
		assertThat(call.commands().get(1)).as("one round trip before the welcome, the helpline included")
			.startsWith("EXEC \"MSet\" \"HELPLINE_ID=" + helpline.id() + ",HELPLINE_QUEUED_AT=");
	}

	@Test
	void aCallerWhoHangsUpDuringAWelcomeOnlyMenuLeftTheQueueAndWasAbandonedWaiting() {
		menus.save(helpline.id(), new Menu("welcome", List.of("nl", "en"), null, true), "test");

		// the welcome is the third command: the caller is gone by then
		asterisk.hangUpAfter(2).call(NUMBER);
		asterisk.hangUpAfter(Integer.MAX_VALUE).run("ended?dialstatus=&talk=", NUMBER);

		assertThat(outcomes()).containsExactly("ABANDONED_WAITING");
		assertThat(queue.summaries()).filteredOn(summary -> summary.helplineId() == helpline.id())
			.allSatisfy(summary -> assertThat(summary.waiting()).isZero());
	}

	private static int indexOfCommandSetting(FakeAsterisk.Session call, String variable) {
		return java.util.stream.IntStream.range(0, call.commands().size())
			.filter(i -> FakeAsterisk.Session.setBy(call.commands().get(i)).containsKey(variable))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Issue 12: the README's {@code "callerGroups":{"SELF":1}} was refused, and a skill written
	 * {@code self} was stored but never matched the menu's {@code SELF}, so a counsellor with
	 * caller-group skills never got a caller who chose a group.
	 */
	@Test
	void aCallerWhoPressesOneRingsTheCounsellorWhoTakesSelfNotTheOneWhoTakesOnlyProfessionals() {
		FakeAsterisk.Session call = callWithTwoSkilledCounsellorsFree("SELF", "PROFESSIONAL", "1");

		assertThat(call.variables()).containsEntry("HELPLINE_CALLER_GROUP", "SELF")
			.containsEntry("HELPLINE_DESTINATION", "PJSIP/counsellor-3");
	}

	@Test
	void aSkillIsTheSameGroupHoweverItIsSpelled() {
		FakeAsterisk.Session call = callWithTwoSkilledCounsellorsFree("partner-family", "professional", "2");

		assertThat(call.variables()).containsEntry("HELPLINE_CALLER_GROUP", "PARTNER_FAMILY")
			.containsEntry("HELPLINE_DESTINATION", "PJSIP/counsellor-3");
		assertThat(counsellors.all()).extracting(c -> c.callerGroups().keySet())
			.containsExactlyInAnyOrder(java.util.Set.of("PARTNER_FAMILY"), java.util.Set.of("PROFESSIONAL"));
	}

	/** The one who takes {@code otherGroup} waited longest, so only the caller's group keeps them from the call. */
	private FakeAsterisk.Session callWithTwoSkilledCounsellorsFree(String group, String otherGroup, String key) {
		jdbc.sql("delete from counsellor").update();
		presence.signIn(counsellors.create(new CounsellorSettings("Piet", "counsellor-2", null, null,
				Map.of(otherGroup, 1), Map.of())).id());
		clock.set(clock.instant().plusSeconds(60));
		presence.signIn(counsellors.create(new CounsellorSettings("Sanne", "counsellor-3", null, null,
				Map.of(group, 1), Map.of())).id());
		return asterisk.presses(key).call(NUMBER);
	}

	@Test
	void aCallerBackFromAFailedRingIsNotAskedAgainAndKeepsTheirChoice() {
		asterisk.presses("2").call(NUMBER);
		presence.signIn(counsellors.create(new CounsellorSettings("Bram", "counsellor-2", null, null, Map.of(),
				Map.of())).id());

		FakeAsterisk.Session again = asterisk.presses().run("queue?ring=NOANSWER", NUMBER);

		assertThat(again.streamedFiles()).doesNotContain("helpline/nl/welcome", "helpline/nl/choose-group");
		assertThat(again.variables()).containsEntry("HELPLINE_DESTINATION", "PJSIP/counsellor-2");
	}

	@Test
	void theChosenGroupReachesTheContactRecord() {
		asterisk.presses("2").call(NUMBER);
		new FakeAsterisk(agiPort()).run("answered?call=" + asterisk.uniqueId(), NUMBER);
		asterisk.run("ended?dialstatus=ANSWER&talk=60", NUMBER);

		assertThat(jdbc.sql("select caller_group || ' ' || outcome from contact_record").query(String.class).single())
			.isEqualTo("PARTNER_FAMILY ANSWERED");
	}

	@Test
	void theNextCallHearsTheWelcomeAnOperatorJustRewrote() {
		prompts.setText("nl", "welcome", "Welkom. Je belt anoniem: we zien je nummer niet.", "operator");

		FakeAsterisk.Session call = asterisk.presses("1").call(NUMBER);

		assertThat(call.streamedFiles().getFirst()).matches("helpline-live/nl/welcome-[0-9a-f]{8}");
		queue.leave(asterisk.uniqueId());
		prompts.delete("nl", "welcome");
		assertThat(asterisk.presses("1").call(NUMBER).streamedFiles().getFirst()).isEqualTo("helpline/nl/welcome");
	}

	@Test
	void whenAsteriskCannotOpenTheOperatorsRecordingTheCallerHearsTheBuiltInOne() {
		prompts.setText("nl", "welcome", "Welkom bij de hulplijn.", "operator");

		FakeAsterisk.Session call = asterisk.lacks("helpline-live/.*").presses("1").call(NUMBER);

		assertThat(call.streamedFiles().subList(0, 2)).satisfiesExactly(
				first -> assertThat(first).startsWith("helpline-live/nl/welcome-"),
				second -> assertThat(second).isEqualTo("helpline/nl/welcome"));
		assertThat(call.variables()).containsEntry("HELPLINE_CALLER_GROUP", "SELF");
		queue.leave(asterisk.uniqueId());
		prompts.delete("nl", "welcome");
	}

	@Test
	void theCounsellorWhoAnswersHearsWhoTheCallerIsAndTheirLanguageBeforeTheCallerIsPutThrough() {
		asterisk.presses("9", "2").call(NUMBER);

		FakeAsterisk.Session answered = new FakeAsterisk(agiPort()).channel("PJSIP/counsellor-1-0000002a")
			.run("answered?call=" + asterisk.uniqueId(), NUMBER);

		assertThat(answered.streamedFiles()).containsExactly("helpline/nl/whisper-partner-family",
				"helpline/nl/whisper-language-en");
	}

	@Test
	void aPromptCutShortByTheCallerHangingUpIsNotCountedAsMissing() {
		double before = meters.counter("helpline.prompts.unplayed").count();

		FakeAsterisk.Session call = asterisk.lacks("helpline/nl/welcome").hangUpAfter(3).call(NUMBER);
		asterisk.hangUpAfter(Integer.MAX_VALUE).run("ended?dialstatus=&talk=", NUMBER);

		assertThat(call.commands().get(3)).isEqualTo("CHANNEL STATUS");
		assertThat(meters.counter("helpline.prompts.unplayed").count()).isEqualTo(before);
		assertThat(outcomes()).containsExactly("ABANDONED_IN_MENU");
	}

	private Menu withExtraOption(Option extra) {
		Menu menu = Menu.defaults();
		Choice choice = menu.choice();
		List<Option> options = new java.util.ArrayList<>(choice.options());
		options.add(extra);
		return new Menu(menu.welcome(), menu.languages(), new Choice(choice.prompt(), options, choice.timeoutSeconds(),
				choice.repeats(), choice.defaultDigit(), choice.invalidPrompt(), choice.noInputPrompt()), true);
	}

	private List<String> outcomes() {
		return jdbc.sql("select outcome from contact_record order by id").query(String.class).list();
	}

}
