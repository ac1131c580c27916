package org.helpline.counsellors;

import org.jspecify.annotations.Nullable;

/** Published after a counsellor's state changed (through any instance's API, a call or the phone). */
public record CounsellorStateChanged(long counsellorId, CounsellorState state, @Nullable String reason) {

}
