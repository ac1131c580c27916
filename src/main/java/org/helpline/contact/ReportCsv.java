package org.helpline.contact;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.helpline.contact.Report.Figure;
import org.helpline.contact.Report.Item;
import org.jspecify.annotations.Nullable;

/**
 * A report as one long table (one figure a row), which spreadsheets pivot as they like:
 * {@code period,helpline,measure,code,value,previous,change_percent}.
 */
public final class ReportCsv {

	static final String[] HEADER = { "period", "helpline", "measure", "code", "value", "previous", "change_percent" };

	private ReportCsv() {
	}

	public static String write(Report report) {
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(HEADER).get().print(out)) {
			for (List<String> row : rows(report)) {
				csv.printRecord(row);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	private static List<List<String>> rows(Report r) {
		Rows rows = new Rows(r.helpline() == null ? "all" : r.helpline());
		rows.figure(r.period(), "contact_moments", "", r.contactMoments());
		rows.figure(r.period(), "call_attempts", "", r.callAttempts());
		if (r.distinctPersons() != null) {
			var p = r.distinctPersons();
			rows.add(r.period(), "distinct_persons", "", p.count().text(), p.previous().text(), p.changePercent());
			rows.add(r.period(), "distinct_persons", "identified", p.identified().text(), "", null);
			rows.add(r.period(), "distinct_persons", "unidentified_first_contacts",
					p.unidentifiedFirstContacts().text(), "", null);
		}
		rows.items(r.period(), "caller_group", r.byCallerGroup());
		rows.items(r.period(), "topic", r.byTopic());
		rows.items(r.period(), "channel", r.byChannel());
		rows.items(r.period(), "outcome", r.byOutcome());
		rows.items(r.period(), "language", r.byLanguage());
		rows.items(r.period(), "referral", r.byReferral());
		var s = r.service();
		rows.add(r.period(), "offered_calls", "", s.offered().text(), "", null);
		rows.add(r.period(), "answered_calls", "", s.answered().text(), "", null);
		rows.add(r.period(), "abandoned_while_waiting", "", s.abandonedWaiting().text(), "", null);
		rows.add(r.period(), "service_level_percent", "within " + s.serviceLevelSeconds() + " s",
				number(s.serviceLevelPercent()), "", null);
		rows.add(r.period(), "average_speed_of_answer_seconds", "", number(s.averageSpeedOfAnswerSeconds()), "",
				null);
		rows.add(r.period(), "abandon_rate_percent", "", number(s.abandonRatePercent()), "", null);
		rows.add(r.period(), "average_talk_seconds", "", number(s.averageTalkSeconds()), "", null);
		var u = r.unidentified();
		rows.add(r.period(), "withheld_call_attempts", "", u.withheldCallAttempts().text(), "", null);
		rows.add(r.period(), "unidentified_contact_moments", "", u.contactMoments().text(), "", null);
		rows.add(r.period(), "unidentified_contact_moments", "marked_first_contact", u.markedFirstContact().text(), "",
				null);
		rows.add(r.period(), "unidentified_contact_moments", "marked_returning", u.markedReturning().text(), "", null);
		rows.add(r.period(), "unidentified_contact_moments", "not_marked", u.notMarked().text(), "", null);
		rows.add(r.period(), "out_of_hours_attempts", "", r.missedDemand().outOfHoursAttempts().text(), "", null);
		r.missedDemand()
			.byHourOfWeek()
			.forEach(h -> rows.add(r.period(), "out_of_hours_attempts_by_hour_of_week",
					h.day() + " " + String.format(Locale.ROOT, "%02d:00", h.hour()), h.attempts().text(), "", null));
		r.parts().forEach(part -> {
			rows.figure(part.period(), "contact_moments", "", part.contactMoments());
			rows.figure(part.period(), "call_attempts", "", part.callAttempts());
		});
		if (r.summary() != null) {
			r.summary().forEach((language, text) -> rows.add(r.period(), "summary", language, text, "", null));
		}
		return rows.rows;
	}

	private static String number(@Nullable Double value) {
		return value == null ? "" : value.toString();
	}

	private static final class Rows {

		private final String helpline;

		private final List<List<String>> rows = new ArrayList<>();

		Rows(String helpline) {
			this.helpline = helpline;
		}

		void add(String period, String measure, String code, String value, String previous, @Nullable Double change) {
			rows.add(List.of(period, helpline, measure, code, value, previous, number(change)));
		}

		void figure(String period, String measure, String code, Figure figure) {
			add(period, measure, code, figure.count().text(), figure.previous().text(), figure.changePercent());
		}

		void items(String period, String measure, List<Item> items) {
			for (Item item : items) {
				add(period, measure, item.code(), item.count().text(), item.previous().text(), item.changePercent());
			}
		}

	}

}
