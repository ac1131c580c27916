package org.helpline.routing;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** A counsellor who was available when the dispatcher looked, with what selection needs. */
record Candidate(long id, long version, String displayName, String endpoint, @Nullable String externalNumber,
		@Nullable Instant idleSince, long ringSeq, Map<String, Integer> callerGroups, Map<String, Integer> languages) {

	Candidate {
		callerGroups = Map.copyOf(callerGroups);
		languages = Map.copyOf(languages);
	}

}
