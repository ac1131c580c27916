package org.helpline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Year;
import java.util.Base64;

import org.helpline.counsellors.Counsellors;
import org.helpline.helplines.Helplines;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Production, and anything beyond a laptop (a real database, an address beyond loopback), must
 * never run with the secrets that make local development easy.
 */
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

	@Test
	void prodProfileRefusesTheLocalAgiSecret() {
		assertThatThrownBy(() -> runProd("--helpline.security.first-admin.password=a-long-real-one",
				"--helpline.ami.secret=a-real-one"))
			.hasMessageContaining("helpline.agi.secret (set HELPLINE_AGI_SECRET)");
	}

	@Test
	void prodProfileRefusesATestRigsAcceptanceOfLocalDefaults() {
		assertThatThrownBy(() -> runProd("--helpline.security.accept-local-defaults=true"))
			.hasMessageContaining("Refusing to start the prod profile with helpline.security.accept-local-defaults");
	}

	@Test
	void prodProfileRefusesTheExampleDataOfAFirstStart() {
		assertThatThrownBy(() -> runProd("--helpline.demo.seed=true"))
			.hasMessageContaining("Refusing to start the prod profile with helpline.demo.seed=true");
	}

	@Test
	void prodStartsOnAnEmptyDatabaseWithoutTheExampleData() throws IOException {
		Path folder = Path.of("target", "prod-first-start", String.valueOf(System.nanoTime())).toAbsolutePath();
		Path keys = Files.createDirectories(folder.resolve("keys"));
		// This year's and next year's keys, as the rotation makes them (prod makes none).
		for (int year = Year.now().getValue(); year <= Year.now().getValue() + 1; year++) {
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			Path file = keys.resolve("pseudonym-" + year + ".key");
			Files.writeString(file, Base64.getEncoder().encodeToString(key));
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		SpringApplication app = new SpringApplication(HelplineApplication.class);
		app.setAdditionalProfiles("prod");
		try (ConfigurableApplicationContext context = app.run("--helpline.agi.enabled=false",
				"--helpline.ami.enabled=false", "--server.port=0",
				"--spring.datasource.url=" + TestPostgres.jdbcUrl("prod_first_start"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--helpline.security.first-admin.password=a-long-real-password",
				"--helpline.ami.secret=a-real-one", "--helpline.agi.secret=a-real-one",
				"--helpline.privacy.key-folder=" + keys, "--helpline.prompts.audio-folder=" + folder.resolve("prompts"))) {
			assertThat(context.getBean(Helplines.class).all()).isEmpty();
			assertThat(context.getBean(Counsellors.class).all()).isEmpty();
		}
	}

	@Test
	void localDefaultsAreRefusedOnARealDatabaseWithoutTheProdProfile() {
		assertThatThrownBy(() -> run("--spring.datasource.url=" + TestPostgres.jdbcUrl(),
				"--spring.datasource.username=postgres", "--spring.datasource.password="))
			.hasMessageContaining("not the embedded one")
			.hasMessageContaining("helpline.security.first-admin.password")
			.hasMessageContaining("helpline.ami.secret")
			.hasMessageContaining("helpline.agi.secret")
			.hasMessageContaining("helpline.privacy.create-missing-keys");
	}

	@Test
	void localDefaultsAreRefusedWhenFastAgiListensBeyondLoopback() {
		assertThatThrownBy(() -> run("--spring.datasource.url=jdbc:h2:mem:agi-beyond-loopback",
				"--helpline.agi.bind-address=0.0.0.0"))
			.hasMessageContaining("helpline.agi.bind-address not on loopback");
	}

	@Test
	void localDefaultsAreRefusedWhenThePagesListenOnEveryInterface() {
		assertThatThrownBy(() -> run("--spring.datasource.url=jdbc:h2:mem:pages-everywhere", "--server.address="))
			.hasMessageContaining("server.address not on loopback");
	}

	@Test
	void localDefaultsStartOnALaptopEmbeddedAndOnLoopback() {
		SpringApplication app = new SpringApplication(HelplineApplication.class);
		try (ConfigurableApplicationContext context = app.run("--helpline.agi.enabled=false",
				"--helpline.ami.enabled=false", "--server.port=0", "--spring.datasource.url=jdbc:h2:mem:laptop",
				"--helpline.privacy.key-folder=target/laptop-keys", "--helpline.prompts.audio-folder=target/laptop-prompts")) {
			assertThat(context.isActive()).isTrue();
		}
	}

	private static void run(String... args) {
		SpringApplication app = new SpringApplication(HelplineApplication.class);
		String[] all = new String[args.length + 3];
		all[0] = "--helpline.agi.enabled=false";
		all[1] = "--helpline.ami.enabled=false";
		all[2] = "--server.port=0";
		System.arraycopy(args, 0, all, 3, args.length);
		app.run(all).close();
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
