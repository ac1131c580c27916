package org.helpline.counsellors;

import java.time.Instant;
import java.util.Map;

import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.jspecify.annotations.Nullable;

/** A counsellor who was available when the dispatcher looked, with what selection needs. */
public record Candidate(long id, long version, String displayName, String endpoint, @Nullable String externalNumber,
		@Nullable Instant idleSince, long ringSeq, Map<CallerGroup, Integer> callerGroups, Map<Language, Integer> languages) {

	public Candidate {
		callerGroups = Map.copyOf(callerGroups);
		languages = Map.copyOf(languages);
	}

}
