package org.helpline.privacy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class KeyRotationTest {

	@TempDir
	Path folder;

	@Test
	void rotationMakesThisAndNextYearsKeysAndDestroysOlderOnes() {
		KeyRotation.createFor(folder, 2025);
		KeyRotation.createFor(folder, 2026);

		KeyRotation.Result result = KeyRotation.rotate(folder, 2027);

		assertThat(result.created()).containsExactly(2027, 2028);
		assertThat(result.destroyed()).containsExactly(2025, 2026);
		assertThat(result.kept()).containsExactly(2027, 2028);
		assertThat(folder.resolve("pseudonym-2026.key")).doesNotExist();
	}

	@Test
	void rotationKeepsTheKeysItDoesNotDestroy() throws IOException {
		KeyRotation.createFor(folder, 2027);
		String key = Files.readString(folder.resolve("pseudonym-2027.key"));

		KeyRotation.Result result = KeyRotation.rotate(folder, 2027);

		assertThat(result.created()).containsExactly(2028);
		assertThat(Files.readString(folder.resolve("pseudonym-2027.key"))).isEqualTo(key);
	}

	/** README: make a past year's key, import that year, and destroy the key right away. */
	@Test
	void thePastYearsKeyOfAnImportIsDestroyedWithTheRotationCommand() throws Exception {
		KeyRotation.createFor(folder, 2015);

		Process destroy = rotationCommand("--folder", folder.toString(), "--destroy", "2015");

		assertThat(destroy.waitFor()).as(output(destroy)).isZero();
		assertThat(folder.resolve("pseudonym-2015.key")).doesNotExist();
	}

	@Test
	void theKeysCallsNeedCannotBeDestroyedByHand() throws Exception {
		KeyRotation.createFor(folder, 2027);

		Process destroy = rotationCommand("--folder", folder.toString(), "--year", "2027", "--destroy", "2027");

		assertThat(destroy.waitFor()).isEqualTo(2);
		assertThat(output(destroy)).contains("Only a past year's key may be destroyed");
		assertThat(folder.resolve("pseudonym-2027.key")).exists();
	}

	private static Process rotationCommand(String... args) throws IOException {
		java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("ops/rotate-pseudonym-keys.sh"));
		command.addAll(java.util.List.of(args));
		return new ProcessBuilder(command).redirectErrorStream(true).start();
	}

	private static String output(Process process) throws IOException {
		return new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void afterRotationLastYearsPseudonymCanNoLongerBeComputed() {
		PseudonymKeys keys = new PseudonymKeys(folder, false, name -> null, Duration.ZERO);
		KeyRotation.createFor(folder, 2026);
		assertThat(new Pseudonyms(keys).identify(CallerNumber.of("+31612345678"), "NL", 2026))
			.isInstanceOf(CallerIdentity.Pseudonymous.class);

		KeyRotation.rotate(folder, 2027);

		assertThat(new Pseudonyms(keys).identify(CallerNumber.of("+31612345678"), "NL", 2026))
			.isEqualTo(new CallerIdentity.KeyMissing(2026));
	}

}
