package org.helpline.privacy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CallerNumberTest {

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "anonymous", "Anonymous", "unknown", "restricted", "private", "  ", "<unknown>",
			"sip:alice@example.org" })
	void whatIsPlainlyNoNumberCountsAsWithheld(String raw) {
		assertThat(CallerNumber.of(raw).isWithheld()).isTrue();
		assertThat(CallerNumber.of(raw)).hasToString("CallerNumber[withheld]");
	}

	@ParameterizedTest
	@ValueSource(strings = { "+31612345678", "0612345678", "0031612345678", "06-12345678" })
	void aNumberIsKeptButNeverShown(String raw) {
		CallerNumber number = CallerNumber.of(raw);

		assertThat(number.isWithheld()).isFalse();
		assertThat(number.toString()).isEqualTo("CallerNumber[***]").doesNotContain("612345678");
		assertThat(String.valueOf(number)).doesNotContain("612345678");
	}

}
