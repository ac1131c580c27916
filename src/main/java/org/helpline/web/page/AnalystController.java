package org.helpline.web.page;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.helpline.contact.Report;
import org.helpline.contact.Report.Count;
import org.helpline.contact.Report.Item;
import org.helpline.contact.ReportCsv;
import org.helpline.contact.ReportPeriod;
import org.helpline.contact.Reports;
import org.helpline.helplines.Helplines;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Analysts' page: the published report (small cells suppressed) of a year or quarter, for all
 * helplines or one, as bars and a heat-map, and the same report as CSV.
 */
@Controller
@RequestMapping("/analyst")
class AnalystController {

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private static final int YEARS_TO_CHOOSE = 6;

	private final Reports reports;

	private final Helplines helplines;

	private final Clock clock;

	AnalystController(Reports reports, Helplines helplines, Clock clock) {
		this.reports = reports;
		this.helplines = helplines;
		this.clock = clock;
	}

	@GetMapping
	String page(@RequestParam(required = false) String period, @RequestParam(required = false) String helpline,
			Locale locale, Model model) {
		int thisYear = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).getYear();
		ReportPeriod chosen = period == null ? ReportPeriod.year(thisYear) : parse(period);
		Long helplineId = helplineId(helpline);
		Report report = reports.report(chosen, helplineId, true);
		String language = locale.getLanguage().equals("en") ? "en" : "nl";
		model.addAttribute("report", report);
		model.addAttribute("period", chosen.label());
		model.addAttribute("helplineChoice", helplineId == null ? "all" : helplineId.toString());
		model.addAttribute("periods", periods(thisYear, chosen));
		model.addAttribute("helplines", helplines.all());
		model.addAttribute("charts", List.of(
				new Chart(chosen.kind() == ReportPeriod.Kind.YEAR ? "analyst.byQuarter" : "analyst.byMonth",
						partBars(report, chosen)),
				new Chart("analyst.byCallerGroup", bars(report.byCallerGroup(), language)),
				new Chart("analyst.byTopic", bars(report.byTopic(), language)),
				new Chart("analyst.byOutcome", bars(report.byOutcome(), language))));
		model.addAttribute("heatMap", heatMap(report, locale));
		return "analyst";
	}

	@GetMapping("/reports/{period}.csv")
	ResponseEntity<String> csv(@PathVariable String period, @RequestParam(required = false) String helpline) {
		Long helplineId = helplineId(helpline);
		Report report = reports.report(parse(period), helplineId, true);
		String name = "report-" + report.period() + (helplineId == null ? "" : "-helpline-" + helplineId)
				+ "-published.csv";
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(ReportCsv.write(report));
	}

	private static ReportPeriod parse(String period) {
		try {
			return ReportPeriod.parse(period);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "period");
		}
	}

	private static @Nullable Long helplineId(@Nullable String helpline) {
		if (helpline == null || helpline.isBlank() || helpline.equals("all")) {
			return null;
		}
		try {
			return Long.valueOf(helpline);
		}
		catch (NumberFormatException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "helpline");
		}
	}

	/** This year and the years before it, each followed by its quarters. */
	private static List<String> periods(int thisYear, ReportPeriod chosen) {
		List<String> periods = new ArrayList<>();
		for (int year = thisYear; year > thisYear - YEARS_TO_CHOOSE; year--) {
			periods.add(Integer.toString(year));
			for (int q = 1; q <= 4; q++) {
				periods.add(year + "-Q" + q);
			}
		}
		if (!periods.contains(chosen.label())) {
			periods.addFirst(chosen.label());
		}
		return periods;
	}

	/** A year by quarter, a quarter by month: contact moments. */
	private static List<Bar> partBars(Report report, ReportPeriod chosen) {
		boolean quarters = chosen.kind() == ReportPeriod.Kind.YEAR;
		List<Bar> bars = new ArrayList<>();
		for (Report.Part part : report.parts()) {
			if (part.period().contains("-Q") == quarters) {
				bars.add(new Bar(part.period(), part.contactMoments().count()));
			}
		}
		return scaled(bars);
	}

	private static List<Bar> bars(List<Item> items, String language) {
		return scaled(items.stream().map(i -> new Bar(i.label().getOrDefault(language, i.code()), i.count())).toList());
	}

	/** Widths relative to the largest shown count; a suppressed count gets no width that could reveal it. */
	private static List<Bar> scaled(List<Bar> bars) {
		long max = bars.stream().filter(b -> !b.count().suppressed()).mapToLong(b -> b.count().value()).max().orElse(0);
		return bars.stream().map(b -> b.withWidth(max)).toList();
	}

	private static HeatMap heatMap(Report report, Locale locale) {
		Map<String, Count> cells = new HashMap<>();
		long max = 0;
		for (Report.HourOfWeek h : report.missedDemand().byHourOfWeek()) {
			cells.put(h.day() + h.hour(), h.attempts());
			if (!h.attempts().suppressed()) {
				max = Math.max(max, h.attempts().value());
			}
		}
		List<HeatRow> rows = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			List<HeatCell> row = new ArrayList<>();
			for (int hour = 0; hour < 24; hour++) {
				Count count = cells.get(day.name() + hour);
				row.add(HeatCell.of(count, max));
			}
			rows.add(new HeatRow(day.getDisplayName(TextStyle.SHORT_STANDALONE, locale), row));
		}
		return new HeatMap(rows);
	}

	/** @param title the message key of its heading */
	record Chart(String title, List<Bar> bars) {
	}

	/** @param percent the bar's width, 0 to 100 */
	record Bar(String label, Count count, int percent) {

		Bar(String label, Count count) {
			this(label, count, 0);
		}

		Bar withWidth(long max) {
			return new Bar(label, count,
					count.suppressed() || max == 0 ? 0 : (int) Math.round(count.value() * 100.0 / max));
		}

		public String text() {
			return count.text();
		}

	}

	record HeatMap(List<HeatRow> rows) {
	}

	record HeatRow(String day, List<HeatCell> cells) {
	}

	/** @param level 0 (none) to 10 (the busiest hour): the cell's background */
	record HeatCell(String text, int level) {

		static HeatCell of(@Nullable Count count, long max) {
			if (count == null) {
				return new HeatCell("0", 0);
			}
			if (count.suppressed()) {
				return new HeatCell(count.text(), 1);
			}
			int level = max == 0 || count.value() == 0 ? 0 : (int) Math.max(1, Math.round(count.value() * 10.0 / max));
			return new HeatCell(count.text(), level);
		}

	}

}
