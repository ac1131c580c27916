package org.helpline.telephony;

import java.util.Map;

import org.helpline.counsellors.CounsellorSettings;
import org.helpline.counsellors.CounsellorState;
import org.helpline.counsellors.Counsellors;
import org.helpline.counsellors.Presence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Counsellors signing in, pausing and out from their own phone, through the real FastAGI server. */
class FeatureCodeScriptTest extends FakeAsteriskTest {

	@Autowired
	Counsellors counsellors;

	@Autowired
	Presence presence;

	long anna;

	FakeAsterisk annasPhone;

	@BeforeEach
	void annaWithHerDeskPhone() {
		jdbc.sql("delete from counsellor").update();
		anna = counsellors.create(new CounsellorSettings("Anna", "counsellor-1", null, null, Map.of(), Map.of())).id();
		annasPhone = new FakeAsterisk(agiPort()).channel("PJSIP/counsellor-1-0000002a");
	}

	@Test
	void dialingStarTwentyOneSignsInAndSaysSo() {
		FakeAsterisk.Session call = annasPhone.run("feature?code=21", "*21");

		assertThat(presence.status(anna).state()).isEqualTo(CounsellorState.AVAILABLE);
		assertThat(call.streamedFiles()).containsExactly("helpline/nl/feature-signed-in", "helpline/en/feature-signed-in");
	}

	@Test
	void pauseResumeAndSignOutFromThePhone() {
		presence.signIn(anna);

		annasPhone.run("feature?code=23", "*23");
		assertThat(presence.status(anna).state()).isEqualTo(CounsellorState.PAUSED);
		assertThat(presence.status(anna).reason()).isEqualTo("paused on the phone");

		annasPhone.run("feature?code=24", "*24");
		assertThat(presence.status(anna).state()).isEqualTo(CounsellorState.AVAILABLE);

		annasPhone.run("feature?code=22", "*22");
		assertThat(presence.status(anna).state()).isEqualTo(CounsellorState.SIGNED_OUT);
	}

	@Test
	void aCodeThatMakesNoSenseNowIsRefusedAndChangesNothing() {
		FakeAsterisk.Session call = annasPhone.run("feature?code=24", "*24");

		assertThat(call.streamedFiles()).startsWith("helpline/nl/feature-refused");
		assertThat(presence.status(anna).state()).isEqualTo(CounsellorState.SIGNED_OUT);
	}

	@Test
	void aPhoneThatIsNoCounsellorsCanChangeNobody() {
		FakeAsterisk.Session call = new FakeAsterisk(agiPort()).channel("PJSIP/counsellor-4-0000002b")
			.run("feature?code=21", "*21");

		assertThat(call.streamedFiles()).startsWith("helpline/nl/feature-unknown-phone");
		assertThat(presence.status(anna).state()).isEqualTo(CounsellorState.SIGNED_OUT);
	}

}
