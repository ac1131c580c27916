package org.helpline.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.helpline.contact.ContactImport;
import org.helpline.contact.ContactIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.web.ApiUsers.analyst;
import static org.helpline.web.ApiUsers.counsellor;

/** Analysts' reports over HTTP, JSON and CSV; nobody else reads them. */
@AutoConfigureMockMvc
class ReportApiTest extends ContactIntegrationTest {

	@Autowired
	MockMvcTester mvc;

	long helpline;

	@BeforeEach
	void history(@Autowired JdbcUserDetailsManager accounts, @Autowired PasswordEncoder passwords,
			@Autowired ContactImport imports) {
		ApiUsers.ensure(accounts, passwords);
		helpline = stopItNow();
		clock.set(Instant.parse("2017-04-05T08:00:00Z"));
		imports.importCsv(helpline, "date,channel,caller_group,topics,person_key\n"
				+ "2015-02-02,phone,SELF,OWN_FEELINGS,a\n".repeat(6) + "2016-02-02,phone,SELF,DOWNLOADING,a\n".repeat(5)
				+ "2016-05-03,email,PARTNER_FAMILY,PARTNER_FAMILY,b\n".repeat(2)
				+ "2016-11-03,phone,PROFESSIONAL,PROFESSIONAL,c\n");
	}

	@Test
	void anAnalystReadsAPublishedYearAsJson() throws IOException {
		MvcTestResult result = mvc.get()
			.uri("/api/reports/2016?helpline=" + helpline + "&published=true")
			.with(analyst())
			.exchange();

		assertThat(result).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.period", v -> v.assertThat().isEqualTo("2016"))
			.hasPathSatisfying("$.contactMoments.count", v -> v.assertThat().isEqualTo(8))
			.hasPathSatisfying("$.contactMoments.previous", v -> v.assertThat().isEqualTo(6))
			.hasPathSatisfying("$.contactMoments.changePercent", v -> v.assertThat().isEqualTo(33.3))
			.hasPathSatisfying("$.distinctPersons.count", v -> v.assertThat().isEqualTo("<5"))
			.hasPathSatisfying("$.byChannel[1].count", v -> v.assertThat().isEqualTo("<5"))
			.hasPathSatisfying("$.summary.nl", v -> v.assertThat().asString().startsWith("In 2016 had Stop it Now! 8"));
		// An example for the documentation, from a real run.
		Files.writeString(Path.of("target", "sample-report-2016.json"), result.getResponse().getContentAsString());
	}

	@Test
	void anInternalQuarterShowsExactCounts() {
		assertThat(mvc.get().uri("/api/reports/2016-Q2?helpline=" + helpline).with(analyst())).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.contactMoments.count", v -> v.assertThat().isEqualTo(2))
			.hasPathSatisfying("$.previousPeriod", v -> v.assertThat().isEqualTo("2016-Q1"))
			.hasPathSatisfying("$.parts.length()", v -> v.assertThat().isEqualTo(3));
	}

	@Test
	void aReportDownloadsAsCsv() {
		MvcTestResult result = mvc.get().uri("/api/reports/2016?format=csv&published=true").with(analyst()).exchange();

		assertThat(result).hasStatusOk()
			.hasContentTypeCompatibleWith("text/csv")
			.hasHeader("Content-Disposition", "attachment; filename=\"report-2016-published.csv\"");
		assertThat(result).body()
			.asString()
			.startsWith("period,helpline,measure,code,value,previous,change_percent")
			.contains("2016,all,contact_moments,,8,6,33.3")
			.contains("2016,all,channel,email,<5,0,")
			.contains("2016-Q1,all,contact_moments,,5,0,")
			// Q1's 5 calls would be 6 minus Q4's 1: hidden with it, and so also as Q2's previous.
			.contains("2016-Q1,all,call_attempts,,<5,0,", "2016-Q2,all,call_attempts,,0,<5,");
	}

	@Test
	void aCounsellorCannotReadReports() {
		assertThat(mvc.get().uri("/api/reports/2016").with(counsellor())).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/reports/2016")).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aPeriodThatIsNoPeriodIsNamed() {
		assertThat(mvc.get().uri("/api/reports/2016-Q5").with(analyst())).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.hasPathSatisfying("$.errors[0].field", v -> v.assertThat().isEqualTo("period"));
		assertThat(mvc.get().uri("/api/reports/2016?format=xlsx").with(analyst())).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.get().uri("/api/reports/2016?helpline=999999").with(analyst()))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

}
