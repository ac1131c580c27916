package org.helpline.telephony;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The names the service sets and reads are the ones the dialplan uses: one contract, one list. */
class ChannelVariableTest {

	@Test
	void theDialplanReadsExactlyTheVariablesSaidToBeItsOwn() throws IOException {
		String dialplan = Files.readString(Path.of("asterisk-config/extensions.conf"));

		assertThat(Arrays.stream(ChannelVariable.values())).allSatisfy(variable -> assertThat(
				dialplan.contains("${" + variable.name() + "}"))
			.as(variable.name())
			.isEqualTo(variable.dialplanReads));
	}

}
