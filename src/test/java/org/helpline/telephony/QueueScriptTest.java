package org.helpline.telephony;

import org.helpline.counsellors.RingResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the dialplan's DIALSTATUS after an unanswered ring reaches the queue. */
class QueueScriptTest {

	@Test
	void aPhoneThatAnswersBusyIsBusyButCongestionIsAnUnreachablePhone() {
		assertThat(QueueScript.ringResult("BUSY")).isEqualTo(RingResult.BUSY);
		assertThat(QueueScript.ringResult("CONGESTION")).isEqualTo(RingResult.UNAVAILABLE);
		assertThat(QueueScript.ringResult("CHANUNAVAIL")).isEqualTo(RingResult.UNAVAILABLE);
		assertThat(QueueScript.ringResult("NOANSWER")).isEqualTo(RingResult.NO_ANSWER);
		assertThat(QueueScript.ringResult("CANCEL")).isEqualTo(RingResult.CALLER_HUNG_UP);
	}

}
