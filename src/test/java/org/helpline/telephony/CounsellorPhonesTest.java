package org.helpline.telephony;

import java.util.Map;

import org.helpline.routing.Offer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The dialplan dials what the adapter makes of the offered counsellor's phone. */
class CounsellorPhonesTest {

	private final CounsellorPhones phones = new CounsellorPhones("PJSIP/{number}@trunk");

	@Test
	void aDeskPhoneIsDialledAsItsPjsipEndpoint() {
		assertThat(phones.dialString(new Offer(1, "counsellor-1", null, 25))).isEqualTo("PJSIP/counsellor-1");
	}

	@Test
	void anExternalNumberIsDialledThroughTheConfiguredTrunk() {
		Offer offer = new Offer(1, null, "0612345678", 25);

		assertThat(phones.dialString(offer)).isEqualTo("PJSIP/0612345678@trunk");
		assertThat(new CounsellorPhones("PJSIP/mobile/sip:{number}@carrier").dialString(offer))
			.isEqualTo("PJSIP/mobile/sip:0612345678@carrier");
	}

	@Test
	void theTrunkIsConfiguredUnderCounsellorPhones() {
		Binder binder = new Binder(new MapConfigurationPropertySource(
				Map.of("helpline.counsellor-phones.external-dial-string", "PJSIP/{number}@carrier")));

		CounsellorPhones configured = binder.bindOrCreate("helpline.counsellor-phones", CounsellorPhones.class);

		assertThat(configured.dialString(new Offer(1, null, "0612345678", 25))).isEqualTo("PJSIP/0612345678@carrier");
	}

	@Test
	void withoutConfigurationAnExternalNumberGoesThroughTheTrunkNamedTrunk() {
		CounsellorPhones shipped = new Binder(new MapConfigurationPropertySource())
			.bindOrCreate("helpline.counsellor-phones", CounsellorPhones.class);

		assertThat(shipped.dialString(new Offer(1, null, "0612345678", 25))).isEqualTo("PJSIP/0612345678@trunk");
	}

}
