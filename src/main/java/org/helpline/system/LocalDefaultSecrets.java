package org.helpline.system;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start with a secret that still has its local default (or is empty), keys the
 * service would make itself, or a first administrator's password shorter than every other
 * account's must be, whenever the service is more than a laptop: in the {@code prod} profile,
 * on any database but the embedded one, or listening or connecting anywhere but loopback.
 * The defaults exist so the service runs with no setup; anywhere else they are an open door.
 * A test rig on a real database says so with {@code helpline.security.accept-local-defaults},
 * which {@code prod} refuses, as it refuses the example data of a first start
 * ({@code helpline.demo.seed}, {@link DemoSeed}): a production database starts empty.
 */
public class LocalDefaultSecrets implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	/** The well-known local value of every secret. Never accepted beyond a laptop. */
	public static final String LOCAL_DEFAULT = "local-dev-only";

	private static final String ADMIN_PASSWORD = "helpline.security.first-admin.password";

	private static final String ACCEPT_LOCAL_DEFAULTS = "helpline.security.accept-local-defaults";

	private static final String DEMO_SEED = "helpline.demo.seed";

	private static final String CREATE_MISSING_KEYS = "helpline.privacy.create-missing-keys";

	// The same minimum as for accounts made through the API (security.Accounts).
	private static final int MIN_ADMIN_PASSWORD_LENGTH = 12;

	private static final Map<String, String> SECRETS = Map.of(ADMIN_PASSWORD, "HELPLINE_ADMIN_PASSWORD",
			"helpline.ami.secret", "HELPLINE_AMI_SECRET", "helpline.agi.secret", "HELPLINE_AGI_SECRET");

	private static final List<String> ADDRESSES = List.of("server.address", "helpline.agi.bind-address",
			"helpline.ami.host");

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		boolean prod = Arrays.asList(environment.getActiveProfiles()).contains("prod");
		if (prod && environment.getProperty(ACCEPT_LOCAL_DEFAULTS, Boolean.class, false)) {
			throw new IllegalStateException("Refusing to start the prod profile with " + ACCEPT_LOCAL_DEFAULTS);
		}
		if (prod && environment.getProperty(DEMO_SEED, Boolean.class, false)) {
			throw new IllegalStateException("Refusing to start the prod profile with " + DEMO_SEED
					+ "=true: it would add an example helpline and counsellors to production");
		}
		String beyondLaptop = beyondLaptop(environment, prod);
		if (beyondLaptop == null || environment.getProperty(ACCEPT_LOCAL_DEFAULTS, Boolean.class, false)) {
			return;
		}
		List<String> unsafe = unsafeSettings(environment);
		if (!unsafe.isEmpty()) {
			throw new IllegalStateException("Refusing to start the " + beyondLaptop
					+ " with local default, empty or short secrets: " + unsafe);
		}
	}

	/** Why this is more than a laptop (a phrase for the refusal), or null when it is not. */
	private static @Nullable String beyondLaptop(ConfigurableEnvironment environment, boolean prod) {
		if (prod) {
			return "prod profile";
		}
		String database = environment.getProperty("spring.datasource.url", "");
		if (!database.startsWith("jdbc:h2:")) {
			return "service on a database that is not the embedded one";
		}
		for (String address : ADDRESSES) {
			if (!isLoopback(environment.getProperty(address))) {
				return "service with " + address + " not on loopback";
			}
		}
		return null;
	}

	private static List<String> unsafeSettings(ConfigurableEnvironment environment) {
		List<String> unsafe = new ArrayList<>();
		SECRETS.forEach((property, variable) -> {
			String value = environment.getProperty(property);
			if (value == null || value.isBlank() || value.equals(LOCAL_DEFAULT)) {
				unsafe.add(property + " (set " + variable + ")");
			}
			else if (property.equals(ADMIN_PASSWORD) && value.length() < MIN_ADMIN_PASSWORD_LENGTH) {
				unsafe.add(property + " (at least " + MIN_ADMIN_PASSWORD_LENGTH + " characters; set " + variable + ")");
			}
		});
		if (environment.getProperty(CREATE_MISSING_KEYS, Boolean.class, true)) {
			unsafe.add(CREATE_MISSING_KEYS + " (keys come from ops/rotate-pseudonym-keys.sh; set it to false)");
		}
		return unsafe;
	}

	private static boolean isLoopback(@Nullable String address) {
		if (address == null || address.isBlank()) {
			return false; // no address: every interface
		}
		if (address.equalsIgnoreCase("localhost")) {
			return true;
		}
		try {
			return InetAddress.ofLiteral(address.replaceAll("^\\[|\\]$", "")).isLoopbackAddress();
		}
		catch (IllegalArgumentException ex) {
			return false; // a host name: wherever it points
		}
	}

}
