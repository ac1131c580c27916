package org.helpline;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Production must never run with the secrets that make local development easy. */
class ProdProfileTest {

	@Test
	void prodProfileRefusesToStartWithoutAnAdminPassword() {
		assertThatThrownBy(() -> runProd("--helpline.ami.secret=a-real-one"))
			.hasMessageContaining("helpline.security.first-admin.password (set HELPLINE_ADMIN_PASSWORD)");
	}

	@Test
	void prodProfileRefusesABlankAdminPassword() {
		assertThatThrownBy(() -> runProd("--helpline.security.first-admin.password=   ",
				"--helpline.ami.secret=a-real-one"))
			.hasMessageContaining("helpline.security.first-admin.password (set HELPLINE_ADMIN_PASSWORD)");
	}

	@Test
	void prodProfileRefusesTheLocalDefaultPassword() {
		assertThatThrownBy(() -> runProd("--helpline.security.first-admin.password=local-dev-only",
				"--helpline.ami.secret=a-real-one"))
			.hasMessageContaining("Refusing to start the prod profile")
			.hasMessageContaining("helpline.security.first-admin.password");
	}

	@Test
	void prodProfileRefusesAnAdminPasswordShorterThanAnyOtherAccountsMayHave() {
		assertThatThrownBy(() -> runProd("--helpline.security.first-admin.password=short-one",
				"--helpline.ami.secret=a-real-one"))
			.hasMessageContaining("helpline.security.first-admin.password (at least 12 characters");
	}

	private static void runProd(String... args) {
		SpringApplication app = new SpringApplication(HelplineApplication.class);
		app.setAdditionalProfiles("prod");
		String[] all = new String[args.length + 2];
		all[0] = "--helpline.agi.enabled=false";
		all[1] = "--server.port=0";
		System.arraycopy(args, 0, all, 2, args.length);
		app.run(all);
	}

}
