package org.helpline;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Production must never run with the secrets that make local development easy. */
class ProdProfileTest {

	@Test
	void prodProfileRefusesToStartWithoutAnOperatorPassword() {
		SpringApplication app = new SpringApplication(HelplineApplication.class);
		app.setAdditionalProfiles("prod");

		assertThatThrownBy(() -> app.run("--helpline.agi.enabled=false", "--server.port=0"))
			.hasMessageContaining("helpline.security.first-operator.password");
	}

	@Test
	void prodProfileRefusesTheLocalDefaultPassword() {
		SpringApplication app = new SpringApplication(HelplineApplication.class);
		app.setAdditionalProfiles("prod");

		assertThatThrownBy(() -> app.run("--helpline.agi.enabled=false", "--server.port=0",
				"--helpline.security.first-operator.password=local-dev-only", "--helpline.ami.secret=a-real-one"))
			.hasMessageContaining("Refusing to start the prod profile");
	}

}
