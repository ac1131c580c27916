package org.helpline.contact;

/**
 * A call's one record was written. Published once per call, after the write succeeded.
 *
 * @param contactId the record, which the answering counsellor's wrap-up is about
 * @param counsellorId who answered the call; null if nobody did
 */
public record CallRecorded(long contactId, Long counsellorId) {

}
