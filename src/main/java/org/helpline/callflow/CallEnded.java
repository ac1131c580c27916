package org.helpline.callflow;

import org.helpline.contact.CompletedCall;
import org.jspecify.annotations.Nullable;

/**
 * A call ended and Asterisk has let the caller go: routing gives up whatever it held for the
 * call, and its one record is written ({@link EndedCalls}). Published by the telephony adapter
 * where the wait for the database is bounded, so listeners may be slow but must be safe to
 * hear the same end twice (a write retried after the database was away tells it again).
 * @param callId the call's Asterisk id, which routing knows it by
 * @param record the call's one record; null when nothing is known to record it by (a call to a
 * number no helpline answers, or one this node forgot and whose channel names no helpline)
 */
public record CallEnded(String callId, @Nullable CompletedCall record) {

}
