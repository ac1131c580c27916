package org.helpline.privacy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PseudonymKeysTest {

	@TempDir
	Path root;

	@Test
	void developmentMakesAMissingKeyReadableByItsOwnerOnly() throws IOException {
		Path folder = root.resolve("keys");
		PseudonymKeys keys = new PseudonymKeys(folder, true, name -> null, Duration.ofMinutes(1));

		assertThat(keys.has(2027)).isTrue();

		Path file = folder.resolve("pseudonym-2027.key");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
		assertThat(KeyFiles.decode(Files.readString(file), "test")).hasSize(32);
	}

	@Test
	void aKeyOnceMadeIsReadBackNotReplaced() throws IOException {
		PseudonymKeys first = new PseudonymKeys(root, true, name -> null, Duration.ofMinutes(1));
		byte[] key = first.forYear(2027).orElseThrow();

		PseudonymKeys second = new PseudonymKeys(root, true, name -> null, Duration.ofMinutes(1));

		assertThat(second.forYear(2027)).hasValue(key);
	}

	@Test
	void productionNamesEveryMissingYearAndMakesNone() {
		PseudonymKeys keys = new PseudonymKeys(root, false, name -> null, Duration.ofMinutes(1));

		assertThatThrownBy(() -> keys.require(List.of(2027, 2028)))
			.hasMessageContaining("No pseudonym key for [2027, 2028]")
			.hasMessageContaining("HELPLINE_PSEUDONYM_KEY_2027");
		assertThat(root.resolve("pseudonym-2027.key")).doesNotExist();
	}

	@Test
	void aKeyFileThatGroupOrOthersMayReadIsRefused() throws IOException {
		KeyRotation.createFor(root, 2027);
		Files.setPosixFilePermissions(root.resolve("pseudonym-2027.key"), PosixFilePermissions.fromString("rw-r--r--"));
		PseudonymKeys keys = new PseudonymKeys(root, false, name -> null, Duration.ofMinutes(1));

		assertThat(keys.has(2027)).as("a key others may have read is no secret").isFalse();
		assertThat(keys.refused()).hasEntrySatisfying(2027,
				reason -> assertThat(reason).contains("may be read by group or others (rw-r--r--)"));

		Files.setPosixFilePermissions(root.resolve("pseudonym-2027.key"), PosixFilePermissions.fromString("rw-------"));
		PseudonymKeys fixed = new PseudonymKeys(root, false, name -> null, Duration.ofMinutes(1));
		assertThat(fixed.has(2027)).isTrue();
	}

	@Test
	void aKeyShorterThan256BitsIsRefused() {
		PseudonymKeys keys = new PseudonymKeys(root, false, Map.of("HELPLINE_PSEUDONYM_KEY_2027", "c2hvcnQ=")::get,
				Duration.ofMinutes(1));

		assertThatThrownBy(() -> keys.has(2027)).hasMessageContaining("shorter than 256 bits");
	}

}
