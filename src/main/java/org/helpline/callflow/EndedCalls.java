package org.helpline.callflow;

import org.helpline.contact.ContactRecords;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Writes the one record of every ended call. Here and not in the contact records themselves:
 * they may not know the call flow (it uses them), so the call flow hands its record on.
 */
@Component
class EndedCalls {

	private final ContactRecords records;

	EndedCalls(ContactRecords records) {
		this.records = records;
	}

	/**
	 * After routing has let go of the call (it keeps its own account while the database is
	 * away), so a database that is away delays only the record.
	 */
	@EventListener
	@Order(Ordered.LOWEST_PRECEDENCE)
	void ended(CallEnded call) {
		if (call.record() != null) {
			records.recordCall(call.record());
		}
	}

}
