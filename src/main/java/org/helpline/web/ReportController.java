package org.helpline.web;

import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.helpline.contact.Report;
import org.helpline.contact.ReportCsv;
import org.helpline.contact.ReportPeriod;
import org.helpline.contact.Reports;
import org.helpline.helplines.ProblemCode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Analysts' figures: {@code GET /api/reports/2016}, {@code /2016-Q1}, {@code /2016-03};
 * {@code ?helpline=ID} for one helpline (all together without it); {@code ?published=true}
 * for figures that leave the helpline (small cells suppressed); {@code ?format=csv} for a
 * spreadsheet.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final Reports reports;

	ReportController(Reports reports) {
		this.reports = reports;
	}

	@GetMapping("/{period}")
	@ApiResponse(responseCode = "200", description = "The figures; `format=csv` gives them as a spreadsheet.",
			content = { @Content(mediaType = "application/json", schema = @Schema(implementation = Report.class)),
					@Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
	ResponseEntity<?> report(@PathVariable String period, @RequestParam(required = false) Long helpline,
			@RequestParam(defaultValue = "false") boolean published,
			@RequestParam(defaultValue = "json") String format) {
		if (!format.equals("json") && !format.equals("csv")) {
			throw new BadParameterException(ProblemCode.REPORT_FORMAT_INVALID, "format", format);
		}
		Report report = reports.report(parse(period), helpline, published);
		if (format.equals("json")) {
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
		}
		String name = "report-" + report.period() + (helpline == null ? "" : "-helpline-" + helpline)
				+ (published ? "-published" : "") + ".csv";
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.body(ReportCsv.write(report));
	}

	private static ReportPeriod parse(String period) {
		try {
			return ReportPeriod.parse(period);
		}
		catch (IllegalArgumentException ex) {
			throw new BadParameterException(ProblemCode.REPORT_PERIOD_INVALID, "period", period);
		}
	}

}
