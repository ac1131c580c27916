package org.helpline.routing;

import java.time.Duration;
import java.util.Map;

import org.helpline.contact.CallOutcome;
import org.helpline.contact.CompletedCall;
import org.helpline.contact.ContactRecords;
import org.helpline.counsellors.CounsellorSettings;
import org.helpline.privacy.CallerNumber;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: routing learns a call's record from the contact records' {@code CallRecorded}
 * event; the telephony adapter no longer carries the record's id from one to the other.
 */
class WrapUpRecordTest extends RoutingTest {

	@Autowired
	ContactRecords records;

	@Test
	void theRecordOfACallACounsellorAnsweredIsWhatTheirWrapUpIsAbout() {
		long anna = counsellors.create(new CounsellorSettings("Anna", "counsellor-1", null, null, Map.of(), Map.of()))
			.id();

		long contact = records.recordCall(new CompletedCall(helplineId, clock.instant(), CallerNumber.withheld(),
				"SELF", "nl", Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofSeconds(60), anna,
				CallOutcome.ANSWERED, "phone"));

		assertThat(counsellorCalls.lastContact(anna)).contains(contact);
	}

}
