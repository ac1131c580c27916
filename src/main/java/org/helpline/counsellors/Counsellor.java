package org.helpline.counsellors;

import java.util.Map;
import java.util.TreeMap;

/**
 * A counsellor as operators configure them. Exactly one of {@code endpoint} and
 * {@code externalNumber} is set.
 *
 * @param endpoint the PJSIP endpoint of their desk phone, e.g. {@code counsellor-1}
 * @param externalNumber a number reached through the configured trunk (e.g. a mobile)
 * @param username the login that may act as this counsellor on /api/counsellor/me; may be null
 * @param callerGroups caller group → level (1 best … 3); none means every group at level 1
 * @param languages language → level (1 … 3); none means every language at level 1
 */
public record Counsellor(long id, String displayName, String endpoint, String externalNumber, String username,
		Map<String, Integer> callerGroups, Map<String, Integer> languages) {

	public Counsellor {
		callerGroups = java.util.Collections.unmodifiableMap(new TreeMap<>(callerGroups));
		languages = java.util.Collections.unmodifiableMap(new TreeMap<>(languages));
	}

}
