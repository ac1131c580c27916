package org.helpline.privacy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.helpline.privacy.CallerIdentity.KeyMissing;
import org.helpline.privacy.CallerIdentity.Pseudonymous;
import org.helpline.privacy.CallerIdentity.Withheld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PseudonymsTest {

	@TempDir
	Path keys;

	@Test
	void theSameNumberInAnyFormGivesTheSamePseudonymWithinAYear() {
		Pseudonyms pseudonyms = developmentPseudonyms();

		Pseudonym international = pseudonym(pseudonyms.identify(CallerNumber.of("+31612345678"), "NL", 2027));

		assertThat(pseudonym(pseudonyms.identify(CallerNumber.of("0612345678"), "NL", 2027))).isEqualTo(international);
		assertThat(pseudonym(pseudonyms.identify(CallerNumber.of("0031612345678"), "NL", 2027)))
			.isEqualTo(international);
		assertThat(pseudonym(pseudonyms.identify(CallerNumber.of("06-1234 5678"), "nl", 2027)))
			.isEqualTo(international);
	}

	@Test
	void aDutchNumberCallingABelgianLineIsTheSamePerson() {
		Pseudonyms pseudonyms = developmentPseudonyms();

		assertThat(pseudonym(pseudonyms.identify(CallerNumber.of("0031612345678"), "BE", 2027)))
			.isEqualTo(pseudonym(pseudonyms.identify(CallerNumber.of("0612345678"), "NL", 2027)));
	}

	@Test
	void theSameNumberGetsAnUnrelatedPseudonymTheNextYear() {
		Pseudonyms pseudonyms = developmentPseudonyms();

		assertThat(pseudonym(pseudonyms.identify(CallerNumber.of("+31612345678"), "NL", 2028)))
			.isNotEqualTo(pseudonym(pseudonyms.identify(CallerNumber.of("+31612345678"), "NL", 2027)));
	}

	@Test
	void differentNumbersGetDifferentPseudonyms() {
		Pseudonyms pseudonyms = developmentPseudonyms();

		assertThat(pseudonym(pseudonyms.identify(CallerNumber.of("+31612345679"), "NL", 2027)))
			.isNotEqualTo(pseudonym(pseudonyms.identify(CallerNumber.of("+31612345678"), "NL", 2027)));
	}

	@Test
	void withheldAndImpossibleNumbersHaveNoPseudonym() {
		Pseudonyms pseudonyms = developmentPseudonyms();

		assertThat(pseudonyms.identify(CallerNumber.of("anonymous"), "NL", 2027)).isInstanceOf(Withheld.class);
		assertThat(pseudonyms.identify(CallerNumber.of(null), "NL", 2027)).isInstanceOf(Withheld.class);
		assertThat(pseudonyms.identify(CallerNumber.of("12"), "NL", 2027)).isInstanceOf(Withheld.class);
		assertThat(pseudonyms.identify(CallerNumber.of("0612345678"), null, 2027))
			.as("a national number cannot be read without the helpline's country")
			.isInstanceOf(Withheld.class);
	}

	@Test
	void withoutTheKeyOfTheYearNothingOfTheNumberIsKept() {
		Pseudonyms pseudonyms = new Pseudonyms(new PseudonymKeys(keys, false, name -> null, Duration.ofMinutes(1)));

		assertThat(pseudonyms.identify(CallerNumber.of("+31612345678"), "NL", 2027)).isEqualTo(new KeyMissing(2027));
		assertThat(pseudonyms.ofPersonKey("mail-17", 2027)).isEmpty();
	}

	@Test
	void aKeyFromTheEnvironmentIsUsedAsIs() {
		byte[] key = new byte[32];
		key[0] = 7;
		Map<String, String> environment = Map.of("HELPLINE_PSEUDONYM_KEY_2027", Base64.getEncoder().encodeToString(key));
		Pseudonyms fromEnvironment = new Pseudonyms(
				new PseudonymKeys(keys, false, environment::get, Duration.ofMinutes(1)));

		assertThat(fromEnvironment.identify(CallerNumber.of("+31612345678"), "NL", 2027))
			.isInstanceOf(Pseudonymous.class);
		assertThat(pseudonym(fromEnvironment.identify(CallerNumber.of("+31612345678"), "NL", 2027)))
			.as("the environment's key, not a generated one")
			.isNotEqualTo(pseudonym(new Pseudonyms(new PseudonymKeys(keys.resolve("elsewhere"), true, name -> null,
					Duration.ofMinutes(1))).identify(CallerNumber.of("+31612345678"), "NL", 2027)));
		assertThat(keys.resolve("pseudonym-2027.key")).doesNotExist();
	}

	@Test
	void personKeysIgnoreCaseAndBlanksAndNeverMeetNumbers() {
		Pseudonyms pseudonyms = developmentPseudonyms();

		assertThat(pseudonyms.ofPersonKey(" Mail-17 ", 2027)).isEqualTo(pseudonyms.ofPersonKey("mail-17", 2027));
		assertThat(pseudonyms.ofPersonKey("+31612345678", 2027).orElseThrow())
			.isNotEqualTo(pseudonym(pseudonyms.identify(CallerNumber.of("+31612345678"), "NL", 2027)));
	}

	private Pseudonyms developmentPseudonyms() {
		return new Pseudonyms(new PseudonymKeys(keys, true, name -> null, Duration.ofMinutes(1)));
	}

	private static Pseudonym pseudonym(CallerIdentity identity) {
		assertThat(identity).isInstanceOf(Pseudonymous.class);
		return ((Pseudonymous) identity).pseudonym();
	}

}
