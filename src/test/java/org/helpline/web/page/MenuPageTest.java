package org.helpline.web.page;

import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;

import org.helpline.IntegrationTest;
import org.helpline.audit.AuditEntry;
import org.helpline.audit.AuditTrail;
import org.helpline.helplines.FieldProblem;
import org.helpline.helplines.Helpline;
import org.helpline.helplines.HelplineSettings;
import org.helpline.menu.Action;
import org.helpline.menu.Choice;
import org.helpline.menu.Menu;
import org.helpline.menu.MenuVersion;
import org.helpline.menu.Menus;
import org.helpline.menu.Option;
import org.helpline.prompts.Prompt;
import org.helpline.prompts.PromptCatalogue;
import org.helpline.schedule.OpeningInterval;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The menu page's forms: saving, refusing with the field named, going back to a version; and the preview with keys. */
@AutoConfigureMockMvc
class MenuPageTest extends IntegrationTest {

	/** Tuesday 5 January 2027, 10:00 in Amsterdam: open. */
	static final String OPEN = "2027-01-05T10:00";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Menus menus;

	@Autowired
	AuditTrail audit;

	@Autowired
	PromptCatalogue catalogue;

	Helpline helpline;

	String page;

	@BeforeEach
	void anOpenHelpline(@Autowired JdbcUserDetailsManager accounts, @Autowired PasswordEncoder passwords) {
		PageUsers.ensure(accounts, passwords);
		jdbc.sql("delete from audit_entry where subject = 'menu'").update();
		helpline = helplines.create(new HelplineSettings("Stop it Now", List.of("08002666436"), "Europe/Amsterdam",
				"NL", "nl", 30));
		helplines.replaceOpeningHours(helpline.id(), Stream.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY)
			.map(day -> new OpeningInterval(day, LocalTime.of(9, 0), LocalTime.of(17, 0)))
			.toList());
		page = "/operator/helplines/" + helpline.id() + "/menu";
	}

	@Test
	void theSavedFormIsTheNextVersionByTheSignedInOperatorWithoutItsEmptyRowsAndIsAudited() {
		MvcTestResult saved = shortMenu(mvc.post().uri(page), "1").with(operator()).with(csrf()).exchange();

		assertThat(saved).hasStatus(HttpStatus.FOUND).hasRedirectedUrl(page);
		MenuVersion current = menus.currentVersion(helpline.id());
		assertThat(current.version()).isEqualTo(1);
		assertThat(current.createdBy()).isEqualTo(PageUsers.OPERATOR);
		assertThat(current.menu()).isEqualTo(new Menu("welcome", List.of("nl"), new Choice("choose-group",
				List.of(new Option("1", Action.QUEUE, "SELF", null, null),
						new Option("4", Action.MESSAGE_AND_HANG_UP, null, null, "alternatives")),
				4, 1, "1", "invalid-choice", null), false));
		AuditEntry entry = audit.latest("menu", 1).getFirst();
		assertThat(entry.action()).isEqualTo("update");
		assertThat(entry.actor()).isEqualTo(PageUsers.OPERATOR);
		assertThat(entry.subjectId()).isEqualTo(Long.toString(helpline.id()));
		assertThat(entry.after()).contains("alternatives");
	}

	@Test
	void aRefusedMenuIsShownWithTheProblemNextToItsFieldAndTheRunningVersionStays() {
		MvcTestResult refused = shortMenu(mvc.post().uri(page), "7")
			.with(operator()).with(csrf()).exchange();

		assertThat(refused).hasStatus(HttpStatus.FOUND);
		FormProblems problems = (FormProblems) refused.getMvcResult().getFlashMap().get("problems");
		assertThat(problems.of("menu", "choice.defaultDigit"))
			.extracting(FieldProblem::message).containsExactly("no option has digit 7");
		assertThat(menus.currentVersion(helpline.id()).version()).isZero();
		assertThat(audit.latest("menu", 1)).isEmpty();

		assertThat(mvc.get().uri(page + "?lang=en").with(operator())
			.flashAttr("problems", problems)
			.flashAttr("menu", refused.getMvcResult().getFlashMap().get("menu"))).hasStatusOk()
			.bodyText()
			.contains("id=\"menu-problems\"", "id=\"menu-kept\"")
			.contains("id=\"menu-choice.defaultDigit-problem\">no option has digit 7<")
			// The form shows what was sent, not the running menu.
			.contains("name=\"defaultDigit\" maxlength=\"1\" value=\"7\"");
	}

	@Test
	void restoringAVersionMakesItTheNextOneAndIsAudited() {
		Menu first = new Menu("welcome", List.of("nl"), null, false);
		menus.save(helpline.id(), first, "anna");
		menus.save(helpline.id(), Menu.defaults(), "anna");
		assertThat(mvc.get().uri(page).with(operator())).hasStatusOk()
			.bodyText()
			.contains("id=\"restore-1\"")
			.doesNotContain("id=\"restore-2\"");

		assertThat(mvc.post().uri(page + "/versions/1/restore").with(operator()).with(csrf()))
			.hasStatus(HttpStatus.FOUND);

		MenuVersion current = menus.currentVersion(helpline.id());
		assertThat(current.version()).isEqualTo(3);
		assertThat(current.restoredFrom()).isEqualTo(1);
		assertThat(current.createdBy()).isEqualTo(PageUsers.OPERATOR);
		assertThat(current.menu()).isEqualTo(first);
		assertThat(audit.latest("menu", 1).getFirst().action()).isEqualTo("restore");
	}

	@Test
	void thePageShowsWhatEachPromptOfTheMenuSaysInBothLanguages() {
		String dutch = catalogue.text(new Prompt("nl", "choose-group")).orElseThrow();
		String english = catalogue.text(new Prompt("en", "choose-group")).orElseThrow();

		assertThat(mvc.get().uri(page).with(operator())).hasStatusOk()
			.bodyText()
			.contains("data-version=\"0\"", "data-key=\"choose-group\"", dutch, english);
	}

	@Test
	void thePreviewOfACallPressing2AtAnOpenTimeEndsInTheQueueWithThePartnerGroup() {
		String welcome = catalogue.text(new Prompt("nl", "welcome")).orElseThrow();

		assertThat(mvc.get().uri("/operator/helplines/" + helpline.id() + "/preview")
			.param("number", "08002666436").param("at", OPEN).param("keys", "2")
			.with(operator())).hasStatusOk()
			.bodyText()
			.contains("data-action=\"open\"", welcome, "data-caller-group=\"PARTNER_FAMILY\"",
					"Partner, familie of naaste", "welcome → ask → 2");
	}

	@Test
	void thePreviewOfAQueuedCallSaysWhatTheCallerHearsWhenNobodyCanTakeCalls() {
		String nobody = catalogue.text(new Prompt("nl", "nobody-available")).orElseThrow();

		assertThat(mvc.get().uri("/operator/helplines/" + helpline.id() + "/preview")
			.param("number", "08002666436").param("at", OPEN).param("keys", "2")
			.with(operator())).hasStatusOk()
			.bodyText()
			.contains("id=\"preview-nobody\"", "data-after=\"7200\"", "data-key=\"nobody-available\"", nobody,
					"data-key=\"alternatives\"");
	}

	@Test
	void keysThatAreNotKeysAreNamedNextToTheField() {
		assertThat(mvc.get().uri("/operator/helplines/" + helpline.id() + "/preview")
			.param("number", "08002666436").param("at", OPEN).param("keys", "2x")
			.with(operator())).hasStatusOk()
			.bodyText()
			.contains("id=\"preview-keys-problem\"")
			.doesNotContain("id=\"preview-result\"");
	}

	@Test
	void aCounsellorMayNeitherSeeNorChangeTheMenu() {
		RequestPostProcessor counsellor = user(PageUsers.COUNSELLOR).roles("COUNSELLOR");

		assertThat(mvc.get().uri(page).with(counsellor)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(shortMenu(mvc.post().uri(page), "1").with(counsellor).with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(menus.currentVersion(helpline.id()).version()).isZero();
	}

	/** Dutch only: 1 queues as SELF, 4 plays the alternatives and hangs up; then an empty row. */
	private static MockMvcRequestBuilder shortMenu(MockMvcRequestBuilder request, String defaultDigit) {
		return request.param("welcome", "welcome")
			.param("languages", "nl")
			.param("prompt", "choose-group")
			.param("timeoutSeconds", "4")
			.param("repeats", "1")
			.param("defaultDigit", defaultDigit)
			.param("invalidPrompt", "invalid-choice")
			.param("noInputPrompt", "")
			.param("digit", "1", "4", "")
			.param("action", "QUEUE", "MESSAGE_AND_HANG_UP", "")
			.param("callerGroup", "SELF", "PROFESSIONAL", "")
			.param("language", "", "en", "")
			.param("message", "", "alternatives", "");
	}

	private static RequestPostProcessor operator() {
		return user(PageUsers.OPERATOR).roles("OPERATOR");
	}

}
