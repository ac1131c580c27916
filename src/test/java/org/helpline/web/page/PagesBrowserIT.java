package org.helpline.web.page;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.helpline.audit.AuditEntry;
import org.helpline.audit.AuditTrail;
import org.helpline.contact.ContactRecords;
import org.helpline.contact.RegisteredContact;
import org.helpline.counsellors.CounsellorState;
import org.helpline.counsellors.Counsellors;
import org.helpline.counsellors.Presence;
import org.helpline.helplines.Helpline;
import org.helpline.helplines.HelplineSettings;
import org.helpline.prompts.Prompt;
import org.helpline.prompts.PromptCatalogue;
import org.helpline.schedule.OpeningInterval;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

/** The pages as counsellors, operators and analysts use them, in a real browser. */
class PagesBrowserIT extends BrowserTest {

	@Autowired
	JdbcUserDetailsManager accounts;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Counsellors counsellors;

	@Autowired
	Presence presence;

	@Autowired
	PromptCatalogue prompts;

	@Autowired
	AuditTrail audit;

	@Autowired
	ContactRecords records;

	long anna;

	@BeforeEach
	void annaAndTheLogins() {
		PageUsers.ensure(accounts, passwords);
		anna = PageUsers.onlyAnna(jdbc, counsellors).id();
	}

	@Test
	void aCounsellorSignsInPausesWithAReasonAndResumes() {
		logIn(PageUsers.COUNSELLOR);
		assertThat(browser.getCurrentUrl()).endsWith("/counsellor");
		assertThat(find("#state").getAttribute("data-state")).isEqualTo("SIGNED_OUT");
		screenshot("1-signed-out");

		find("#sign-in").click();
		waitUntil(d -> "AVAILABLE".equals(find("#state").getAttribute("data-state")));
		assertThat(presence.status(anna).state()).isEqualTo(CounsellorState.AVAILABLE);
		assertThat(find("#state").getText()).isEqualTo("Beschikbaar");
		screenshot("2-available");

		new Select(find("#pause-reason")).selectByValue("training");
		find("#pause").click();
		waitUntil(d -> "PAUSED".equals(find("#state").getAttribute("data-state")));
		assertThat(presence.status(anna).state()).isEqualTo(CounsellorState.PAUSED);
		assertThat(presence.status(anna).reason()).isEqualTo("training");
		assertThat(find("#reason").getText()).contains("training");
		assertThat(find("#resume").isDisplayed()).isTrue();
		assertThat(find("#sign-in").isDisplayed()).isFalse();
		screenshot("3-paused");

		find("#resume").click();
		waitUntil(d -> "AVAILABLE".equals(find("#state").getAttribute("data-state")));
		assertThat(presence.status(anna).state()).isEqualTo(CounsellorState.AVAILABLE);
		screenshot("4-resumed");
	}

	@Test
	void theCounsellorPageFitsAPhoneAndFollowsAChangeMadeElsewhere() {
		browser.manage().window().setSize(new Dimension(390, 844));
		logIn(PageUsers.COUNSELLOR);
		waitUntil(d -> find("#live-status").getText().equals("Live"));

		presence.signIn(anna);
		waitUntil(d -> "AVAILABLE".equals(find("#state").getAttribute("data-state")));
		Long overflow = (Long) script(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(overflow).isLessThanOrEqualTo(0L);
		assertThat(find("#pause").isDisplayed()).isTrue();
		screenshot("phone");
	}

	@Test
	void anOperatorAddsAClosureDayAndThePreviewOfThatDaySaysClosed() {
		Helpline helpline = officeHoursHelpline();
		logIn(PageUsers.OPERATOR);
		open("/operator/helplines/" + helpline.id());
		screenshot("1-helpline");

		setValue("#closure-first", "2027-01-12");
		find("#closure-reason").sendKeys("Teamdag");
		find("#add-closure").click();
		waitUntil(d -> present("#closure-list li"));
		assertThat(find("#closure-list").getText()).contains("2027-01-12").contains("Teamdag");
		assertThat(find("td[data-date='2027-01-12']").getAttribute("class")).isEqualTo("closed");
		screenshot("2-closure-added");
		List<AuditEntry> entries = audit.latest("helpline", 1);
		assertThat(entries.getFirst().action()).isEqualTo("add-closure");
		assertThat(entries.getFirst().actor()).isEqualTo(PageUsers.OPERATOR);

		setValue("#preview-at", "2027-01-12T10:00");
		find("#preview-button").click();
		waitUntil(d -> present("#preview-action"));
		assertThat(find("#preview-action").getAttribute("data-action")).isEqualTo("closed");
		String closedToday = prompts.text(new Prompt("nl", "closed-closure")).orElseThrow();
		assertThat(find("#preview-prompts").getText()).contains(closedToday);
		screenshot("3-preview");
	}

	@Test
	void anAnalystDownloadsTheReportAsCsv() throws Exception {
		Helpline helpline = officeHoursHelpline();
		for (int i = 0; i < 3; i++) {
			records.register(new RegisteredContact(helpline.id(), "email", LocalDate.of(2027, 1, 4), "SELF", "nl",
					null, List.of("OTHER"), null, null), null);
		}
		try (Stream<Path> old = Files.list(DOWNLOADS)) {
			for (Path file : old.toList()) {
				Files.delete(file);
			}
		}
		logIn(PageUsers.ANALYST);
		assertThat(browser.getCurrentUrl()).contains("/analyst");
		assertThat(find("#contact-moments").getText()).isEqualTo("<5");
		screenshot("1-report");

		find("#csv-download").click();
		Path csv = waitUntil(d -> csvIn(DOWNLOADS).orElse(null));
		List<String> lines = Files.readAllLines(csv);
		assertThat(lines.getFirst()).isEqualTo("period,helpline,measure,code,value,previous,change_percent");
		assertThat(lines).anyMatch(line -> line.startsWith("2027,all,contact_moments,,<5"));
	}

	@Test
	void aCounsellorOpeningAnOperatorPageGetsTheFriendlyRefusal() {
		logIn(PageUsers.COUNSELLOR);
		open("/operator");
		assertThat(find("#error-title").getText()).isEqualTo("Geen toegang");
		assertThat(find("#home-link").getAttribute("href")).isEqualTo(url("/"));
		screenshot("403");

		find("#home-link").click();
		waitUntil(d -> d.getCurrentUrl().endsWith("/counsellor"));
	}

	@Test
	void theLiveBoardShowsACounsellorSigningInWithoutReloading() {
		officeHoursHelpline();
		logIn(PageUsers.OPERATOR);
		open("/operator/board");
		waitUntil(d -> find("#live-status").getText().equals("Live"));
		script("window.notReloaded = true;");
		assertThat(present("section[data-state='SIGNED_OUT'] li[data-counsellor='" + anna + "']")).isTrue();
		screenshot("1-signed-out");

		presence.signIn(anna);
		waitUntil(d -> present("section[data-state='AVAILABLE'] li[data-counsellor='" + anna + "']"));
		assertThat(script("return window.notReloaded === true;")).isEqualTo(true);
		assertThat(present("section[data-state='SIGNED_OUT'] li[data-counsellor='" + anna + "']")).isFalse();
		// The board redraws whole sections on every event, so read the count inside a stale-tolerant wait.
		waitUntil(d -> find("section[data-state='AVAILABLE'] .count").getText().equals("1"));
		screenshot("2-available");
	}

	@Test
	void switchingToEnglishShowsEnglishLabelsAndStaysEnglishAfterLogin() {
		open("/login");
		assertThat(find("label[for='username']").getText()).isEqualTo("Gebruikersnaam");
		find("#lang-en").click();
		waitUntil(d -> find("label[for='username']").getText().equals("Username"));
		assertThat(find("html").getAttribute("lang")).isEqualTo("en");
		screenshot("1-login-en");

		logIn(PageUsers.COUNSELLOR);
		assertThat(find("h1").getText()).isEqualTo("My work");
		assertThat(find("#state").getText()).isEqualTo("Signed out");
		assertThat(find("#sign-in").getText()).isEqualTo("Sign in to the queue");
		screenshot("2-counsellor-en");

		find("#lang-nl").click();
		waitUntil(d -> find("h1").getText().equals("Mijn werk"));
	}

	private Helpline officeHoursHelpline() {
		Helpline helpline = helplines.create(new HelplineSettings("Stop it Now", List.of("08002666436"),
				"Europe/Amsterdam", "NL", "nl", 30));
		return helplines.replaceOpeningHours(helpline.id(), Stream.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY)
			.map(day -> new OpeningInterval(day, LocalTime.of(9, 0), LocalTime.of(17, 0)))
			.toList());
	}

	private static Optional<Path> csvIn(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".csv")).findFirst();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

}
