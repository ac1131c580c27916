package org.helpline.web.page;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.helpline.audit.AuditEntry;
import org.helpline.audit.AuditTrail;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The audit trail for administrators, newest first, of one subject or all. */
@Controller
class AuditPageController {

	static final int MAX = 1000;

	// The helplines' office: one zone for everybody reading the trail, whatever the server's.
	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.of("Europe/Amsterdam"));

	private final AuditTrail audit;

	private final AuditRows rows;

	AuditPageController(AuditTrail audit, AuditRows rows) {
		this.audit = audit;
		this.rows = rows;
	}

	/** @param limit how many entries; the "more" link asks four times as many, up to {@value #MAX} */
	@GetMapping("/admin/audit")
	String trail(@RequestParam(required = false) String subject, @RequestParam(defaultValue = "50") int limit,
			Model model) {
		String chosen = Forms.orNull(subject);
		int shown = Math.clamp(limit, 1, MAX);
		List<AuditEntry> entries = audit.latest(chosen, shown);
		model.addAttribute("subjects", audit.subjects());
		model.addAttribute("subject", chosen == null ? "" : chosen);
		model.addAttribute("entries", entries.stream().map(e -> rows.of(e, WHEN.format(e.at()))).toList());
		model.addAttribute("more", entries.size() == shown && shown < MAX ? more(chosen, shown) : null);
		return "admin/audit";
	}

	private static String more(@Nullable String subject, int shown) {
		return UriComponentsBuilder.fromPath("/admin/audit")
			.queryParamIfPresent("subject", Optional.ofNullable(subject))
			.queryParam("limit", Math.min(shown * 4, MAX))
			.encode()
			.toUriString();
	}

}
