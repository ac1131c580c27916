package org.helpline;

import java.nio.file.Path;
import java.util.List;

import org.helpline.helplines.Helpline;
import org.helpline.helplines.HelplineSettings;
import org.helpline.helplines.Helplines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command, twice: the service on its embedded database starts again on
 * the data it left, as after any restart. (With H2's DATABASE_TO_LOWER, Liquibase 4.33 could
 * not find its own table the second time, and the service never started again.)
 */
class EmbeddedDatabaseRestartTest {

	@Test
	void theServiceStartsAgainOnTheEmbeddedDatabaseItLeft(@TempDir Path data) {
		try (ConfigurableApplicationContext first = start(data)) {
			first.getBean(Helplines.class).create(new HelplineSettings("Stop it Now", List.of("08002666436"),
					"Europe/Amsterdam", "NL", "nl", 25));
		}
		try (ConfigurableApplicationContext again = start(data)) {
			assertThat(again.getBean(Helplines.class).all()).extracting(Helpline::name).containsExactly("Stop it Now");
		}
	}

	/** The shipped settings, but for the database's folder and without the example helpline. */
	private static ConfigurableApplicationContext start(Path data) {
		SpringApplication app = new SpringApplication(HelplineApplication.class);
		return app.run("--helpline.agi.enabled=false", "--helpline.ami.enabled=false", "--server.port=0",
				"--helpline.demo.seed=false",
				"--helpline.data-folder=" + data,
				"--helpline.privacy.key-folder=" + data.resolve("keys"),
				"--helpline.prompts.audio-folder=" + data.resolve("prompts"));
	}

}
