package org.helpline.web.page;

import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;

import org.helpline.helplines.Helpline;
import org.helpline.helplines.HelplineSettings;
import org.helpline.prompts.Prompts;
import org.helpline.prompts.PromptsTest;
import org.helpline.schedule.OpeningInterval;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

/** The prompt and menu pages in a real browser: a changed text is what the preview of a call says. */
@Tag("browser")
class MenuPagesBrowserIT extends BrowserTest {

	static final String NEW_WELCOME = "Welkom bij Stop it Now. Je belt helemaal anoniem.";

	@Autowired
	Prompts prompts;

	@BeforeEach
	@AfterEach
	void builtInPrompts() {
		PromptsTest.removeOperatorPrompts(jdbc, prompts);
	}

	@Test
	void anOperatorChangesTheWelcomeAndThePreviewOfACallPressing2SaysItAndQueuesThePartnerGroup() {
		Helpline helpline = helplines.create(new HelplineSettings("Stop it Now", List.of("08002666436"),
				"Europe/Amsterdam", "NL", "nl", 30));
		helplines.replaceOpeningHours(helpline.id(), Stream.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY)
			.map(day -> new OpeningInterval(day, LocalTime.of(9, 0), LocalTime.of(17, 0)))
			.toList());
		logIn(PageUsers.OPERATOR);

		find("a[href='/operator/prompts']").click();
		waitUntil(d -> present("#prompt-q"));
		find("#prompt-q").sendKeys("welcome");
		find("#prompt-filter-button").click();
		waitUntil(d -> d.getCurrentUrl().contains("q=welcome"));
		screenshot("1-prompts-filtered");
		find("tr[data-key='welcome'] a").click();
		waitUntil(d -> present("#nl-text"));
		find("#nl-text").clear();
		find("#nl-text").sendKeys(NEW_WELCOME);
		find("#nl-save").click();
		waitUntil(d -> present("#notice"));
		assertThat(find("#nl-source").getText()).isEqualTo("gewijzigd door een operator");
		assertThat(find("#nl-text").getAttribute("value")).isEqualTo(NEW_WELCOME);
		screenshot("2-welcome-changed");

		open("/operator/helplines/" + helpline.id());
		setValue("#preview-at", "2027-01-12T10:00");
		find("#preview-keys").sendKeys("2");
		find("#preview-button").click();
		waitUntil(d -> present("#preview-end"));
		assertThat(find("#preview-action").getAttribute("data-action")).isEqualTo("open");
		assertThat(find("#preview-prompts li[data-key='welcome']").getText()).contains(NEW_WELCOME);
		assertThat(find("#preview-end").getAttribute("data-caller-group")).isEqualTo("PARTNER_FAMILY");
		assertThat(find("#preview-end").getText()).contains("Partner, familie of naaste");
		screenshot("3-preview-pressing-2");

		find("#menu-link").click();
		waitUntil(d -> present("#menu-texts"));
		assertThat(find("#menu-texts tr[data-key='welcome']").getText()).contains(NEW_WELCOME);
		screenshot("4-menu-page");
		script("document.getElementById('options').scrollIntoView();");
		screenshot("5-menu-options");
	}

}
