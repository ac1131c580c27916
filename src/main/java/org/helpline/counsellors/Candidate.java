package org.helpline.counsellors;

import java.time.Instant;
import java.util.Map;

/** A counsellor who was available when the dispatcher looked, with what selection needs. */
public record Candidate(long id, long version, String displayName, String endpoint, String externalNumber,
		Instant idleSince, long ringSeq, Map<String, Integer> callerGroups, Map<String, Integer> languages) {

	public Candidate {
		callerGroups = Map.copyOf(callerGroups);
		languages = Map.copyOf(languages);
	}

}
