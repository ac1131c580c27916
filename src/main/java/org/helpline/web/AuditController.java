package org.helpline.web;

import java.util.List;

import org.helpline.audit.AuditEntry;
import org.helpline.audit.AuditTrail;
import org.helpline.helplines.ProblemCode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Administrators read who changed what (role ADMIN), newest first. */
@RestController
class AuditController {

	private static final int MAX_LIMIT = 1000;

	private final AuditTrail audit;

	AuditController(AuditTrail audit) {
		this.audit = audit;
	}

	/** @param subject e.g. {@code helpline} or {@code account}; all subjects without it */
	@GetMapping("/api/audit")
	List<AuditEntry> latest(@RequestParam(required = false) String subject,
			@RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new BadParameterException(ProblemCode.AUDIT_LIMIT_RANGE, "limit", MAX_LIMIT);
		}
		return audit.latest(subject == null || subject.isBlank() ? null : subject.strip(), limit);
	}

}
