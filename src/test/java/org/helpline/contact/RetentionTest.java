package org.helpline.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention deletes the detailed records of old years and keeps only the sums the reports
 * are made of: every report of those years, for each helpline and all together, internal
 * and published, must come out exactly as before.
 */
class RetentionTest extends ContactIntegrationTest {

	@Autowired
	Retention retention;

	@Autowired
	ContactImport imports;

	@Test
	void reportsOfReducedYearsStayTheSame() {
		long stopItNow = stopItNow();
		long flemish = flemishLine();
		clock.set(Instant.parse("2023-03-01T12:00:00Z"));
		imports.importCsv(stopItNow, SeedFiguresTest.year(2015, 40, 25, 12));
		imports.importCsv(flemish, SeedFiguresTest.year(2016, 30, 20, 9));
		for (int year = 2016; year <= 2018; year++) {
			for (int i = 0; i < 12; i++) {
				String at = year + "-%02d-%02dT%02d:30:00Z".formatted(i + 1, 1 + i * 2, 6 + i);
				long line = i % 3 == 0 ? flemish : stopItNow;
				String number = "+3161234" + (5670 + i % 5);
				long id = answered(line, at, i % 4 == 0 ? "anonymous" : number, i % 2 == 0 ? "SELF" : "PROFESSIONAL",
						i * 4, 60 * i);
				records.wrapUp(id, new WrapUp(List.of(i % 2 == 0 ? "DOWNLOADING" : "OTHER"),
						i % 5 == 0 ? "PEER_SUPPORT_GROUP" : null, i % 4 == 0 ? i % 8 == 0 : null, null));
				unanswered(line, at, number, "SELF", CallOutcome.values()[1 + i % 5], i * 7);
			}
			records.register(new RegisteredContact(stopItNow, "chat", LocalDate.of(year, 5, 5), "OTHER", "en", null,
					List.of("HANDS_ON_WORRY"), null, false), null);
		}
		List<Report> before = everyReport(stopItNow, flemish);

		List<Integer> reduced = retention.reduceExpired();

		assertThat(reduced).as("detail-years 5 in 2023: 2018 is the first detailed year")
			.containsExactly(2015, 2016, 2017);
		assertThat(jdbc.sql("select count(*) from contact_record where period_year < 2018").query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from contact_topic where period_year < 2018").query(Long.class).single())
			.isZero();
		assertThat(everyReport(stopItNow, flemish)).containsExactlyElementsOf(before);
		assertThat(retention.reduceExpired()).as("nothing left to reduce").isEmpty();
		assertThat(everyReport(stopItNow, flemish)).containsExactlyElementsOf(before);
	}

	private List<Report> everyReport(long... helplines) {
		List<ReportPeriod> periods = new ArrayList<>();
		for (int year = 2015; year <= 2019; year++) {
			periods.add(ReportPeriod.year(year));
		}
		for (int quarter = 1; quarter <= 4; quarter++) {
			periods.add(ReportPeriod.quarter(2016, quarter));
			periods.add(ReportPeriod.quarter(2018, quarter));
		}
		for (int month = 1; month <= 12; month++) {
			periods.add(ReportPeriod.month(2017, month));
		}
		List<Long> scopes = new ArrayList<>(Arrays.stream(helplines).boxed().toList());
		scopes.add(null);
		List<Report> all = new ArrayList<>();
		for (ReportPeriod period : periods) {
			for (Long scope : scopes) {
				all.add(reports.report(period, scope, false));
				all.add(reports.report(period, scope, true));
			}
		}
		return all;
	}

}
