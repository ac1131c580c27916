package org.helpline.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ops/asterisk.sh} empties its root folder with {@code rm -rf} and mounts {@code /proc}
 * and {@code /dev} below it, so a root folder of {@code /} or somebody's home must be refused
 * before the script does anything. Only the harmless {@code status} command is run here.
 */
class AsteriskScriptRootTest {

	private static final Path SCRIPT = Path.of("ops/asterisk.sh").toAbsolutePath();

	private static final String HOME = System.getProperty("user.home");

	@ParameterizedTest
	@ValueSource(strings = { "/", "", "asterisk-root", "./target/asterisk-root", "/tmp/asterisk-root", "/usr",
			"HOME", "HOME/.cache", "HOME/.cache/helpline", "HOME/.cache/helpline/", "HOME/.cache/helpline/..",
			"HOME/.cache/helpline/../../etc", "REPO", "REPO/target", "REPO/src" })
	void refusesARootFolderOutsideItsCache(String root) throws Exception {
		Result result = status(expand(root));

		assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
		assertThat(result.output()).contains("HELPLINE_ASTERISK_ROOT")
			.contains("~/.cache/helpline/")
			.doesNotContain("asterisk not running");
	}

	@ParameterizedTest
	@ValueSource(strings = { "HOME/.cache/helpline/asterisk-root", "REPO/target/asterisk-root-test" })
	void acceptsAFolderOfItsOwnUnderTheCacheOrTarget(String root) throws Exception {
		Result result = status(expand(root));

		assertThat(result.exitCode()).as(result.output()).isIn(0, 3);
		assertThat(result.output()).doesNotContain("HELPLINE_ASTERISK_ROOT");
	}

	private static String expand(String root) {
		return root.replace("HOME", HOME).replace("REPO", Path.of("").toAbsolutePath().toString());
	}

	private static Result status(String root) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(List.of("bash", SCRIPT.toString(), "status"))
			.redirectErrorStream(true);
		builder.environment().put("HELPLINE_ASTERISK_ROOT", root);
		Process process = builder.start();
		try {
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("ops/asterisk.sh status ended").isTrue();
			return new Result(process.exitValue(),
					new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
		}
		finally {
			process.destroyForcibly();
		}
	}

	private record Result(int exitCode, String output) {
	}

}
