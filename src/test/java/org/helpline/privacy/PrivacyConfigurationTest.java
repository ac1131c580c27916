package org.helpline.privacy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrivacyConfigurationTest {

	@Test
	void aroundNewYearSomeHelplineIsAlreadyInTheNextYearSoBothKeysAreNeeded() {
		// 20:00 UTC on 31 December is already 1 January in Auckland.
		assertThat(PrivacyConfiguration.yearsInUse(Instant.parse("2026-12-31T20:00:00Z"))).containsExactly(2026, 2027);
		assertThat(PrivacyConfiguration.yearsInUse(Instant.parse("2027-06-01T12:00:00Z"))).containsExactly(2027);
	}

}
