package org.helpline.audit;

import java.time.Instant;

/**
 * One recorded change.
 *
 * @param subject what kind of thing changed, e.g. {@code helpline}, {@code menu}, {@code account}
 * @param before the thing as JSON before the change; null when it was created
 * @param after the thing as JSON after the change; null when it was removed
 */
public record AuditEntry(long id, Instant at, String actor, String subject, String subjectId, String action,
		String before, String after) {

}
