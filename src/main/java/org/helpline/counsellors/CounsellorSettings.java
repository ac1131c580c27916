package org.helpline.counsellors;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What an operator sends to create or change a counsellor. Values arrive unchecked so that
 * {@link Counsellors} can name every bad field.
 */
public record CounsellorSettings(String displayName, @Nullable String endpoint, @Nullable String externalNumber, @Nullable String username,
		Map<String, Integer> callerGroups, Map<String, Integer> languages) {

}
