package org.helpline.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.helpline.contact.ContactOption.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Months that have ended are reported from cached rows: the same figures as from the
 * records, and a late change to such a month (a wrap-up, an e-mail, an import) shows in the
 * next report.
 */
class ReportCacheTest extends ContactIntegrationTest {

	@Autowired
	ReportQueries queries;

	@Autowired
	ReportCache cache;

	@Autowired
	ContactOptions options;

	@Autowired
	ContactImport imports;

	long helpline;

	long lateCall;

	@BeforeEach
	void fixture() {
		helpline = stopItNow();
		long flemish = flemishLine();
		clock.set(Instant.parse("2017-03-10T12:00:00Z"));
		for (int i = 0; i < 30; i++) {
			String at = "2016-%02d-%02dT%02d:15:00Z".formatted(1 + i % 12, 1 + i % 27, 7 + i % 12);
			long id = answered(i % 4 == 0 ? flemish : helpline, at, i % 5 == 0 ? "anonymous" : "+3161111" + (1000 + i % 9),
					i % 2 == 0 ? "SELF" : "OTHER", i, 100 + i);
			if (i % 3 == 0) {
				records.wrapUp(id, new WrapUp(List.of("DOWNLOADING"), i % 6 == 0 ? "PEER_SUPPORT_GROUP" : null,
						i % 5 == 0 ? Boolean.FALSE : null, null));
			}
			unanswered(helpline, at, "+31622222222", "SELF", CallOutcome.values()[1 + i % 5], i);
		}
		lateCall = answered(helpline, "2017-02-14T10:00:00Z", NUMBER, "SELF", 3, 300);
		answered(helpline, "2017-03-01T10:00:00Z", NUMBER, "SELF", 3, 300);
	}

	@Test
	void cachedMonthsGiveTheSameReportsAsTheRecords() {
		ReportData live = queries.load(2016, 2017, null, 20);

		cache.refresh(2016, 2017);

		assertThat(jdbc.sql("select count(*) from contact_month_cache where not stale").query(Long.class).single())
			.as("all of 2016 with its persons, January and February 2017 (not March, still running)")
			.isEqualTo(15);
		ReportData cached = queries.load(2016, 2017, null, 20);
		assertThat(cached.groups()).isNotEqualTo(live.groups());
		for (ReportPeriod period : periods()) {
			assertThat(build(cached, period)).as(period.label()).isEqualTo(build(live, period));
		}
	}

	@Test
	void aLateWrapUpEmailOrImportShowsInTheNextReport() {
		clock.set(Instant.parse("2017-04-10T12:00:00Z"));
		Report before = reports.report(ReportPeriod.quarter(2017, 1), helpline, false);
		assertThat(topic(before, "OWN_FEELINGS")).isZero();

		records.wrapUp(lateCall, new WrapUp(List.of("OWN_FEELINGS"), null, null, null));
		records.register(new RegisteredContact(helpline, "email", LocalDate.parse("2017-02-20"), "SELF", null,
				"new-person", List.of(), null, null), null);
		imports.importCsv(helpline, "date,channel\n2017-01-05,phone\n");

		Report after = reports.report(ReportPeriod.quarter(2017, 1), helpline, false);
		assertThat(topic(after, "OWN_FEELINGS")).isEqualTo(1);
		assertThat(after.contactMoments().count().value()).isEqualTo(before.contactMoments().count().value() + 2);
	}

	@Test
	void aLateContactInAnEndedYearCountsItsPerson() {
		clock.set(Instant.parse("2017-04-10T12:00:00Z"));
		long persons = reports.report(ReportPeriod.year(2016), helpline, false).distinctPersons().count().value();

		records.register(new RegisteredContact(helpline, "chat", LocalDate.parse("2016-12-30"), "SELF", null,
				"someone-new", List.of(), null, null), null);

		assertThat(reports.report(ReportPeriod.year(2016), helpline, false).distinctPersons().count().value())
			.isEqualTo(persons + 1);
	}

	private Report build(ReportData data, ReportPeriod period) {
		return new ReportBuilder(data, new Suppression(true, 5), 20, List.of("SELF", "PARTNER_FAMILY", "PROFESSIONAL",
				"OTHER"), options.byCode(Kind.TOPIC), options.byCode(Kind.REFERRAL), LocalDate.parse("2017-03-10"))
			.build(period, null, null, 5);
	}

	private static List<ReportPeriod> periods() {
		List<ReportPeriod> periods = new ArrayList<>(List.of(ReportPeriod.year(2016), ReportPeriod.year(2017)));
		for (int month = 1; month <= 12; month++) {
			periods.add(ReportPeriod.month(2016, month));
		}
		for (int quarter = 1; quarter <= 4; quarter++) {
			periods.add(ReportPeriod.quarter(2016, quarter));
		}
		periods.add(ReportPeriod.quarter(2017, 1));
		return periods;
	}

	private static long topic(Report report, String code) {
		return report.byTopic().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow().count().value();
	}

}
