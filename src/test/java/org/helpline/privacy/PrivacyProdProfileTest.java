package org.helpline.privacy;

import java.nio.file.Path;

import org.helpline.HelplineApplication;
import org.helpline.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Production never makes its own keys, and never runs without the one calls need now. */
class PrivacyProdProfileTest {

	@Test
	void prodProfileRefusesToStartWithoutThePseudonymKeyOfTheCurrentYear(@TempDir Path emptyKeyFolder) {
		SpringApplication app = new SpringApplication(HelplineApplication.class);
		app.setAdditionalProfiles("prod");

		assertThatThrownBy(() -> app.run("--helpline.agi.enabled=false", "--helpline.ami.enabled=false",
				"--server.port=0", "--helpline.security.first-admin.password=not-the-local-default",
				"--helpline.ami.secret=not-the-local-default", "--helpline.agi.secret=not-the-local-default",
				"--spring.datasource.url=" + TestPostgres.jdbcUrl(), "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--helpline.privacy.key-folder=" + emptyKeyFolder))
			.rootCause()
			.hasMessageContaining("No pseudonym key for")
			.hasMessageContaining("HELPLINE_PSEUDONYM_KEY_");
		assertThat(emptyKeyFolder).isEmptyDirectory();
	}

}
