package org.helpline.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the {@code prod} profile while a secret still has its local default
 * (or is empty), or the first administrator's password is shorter than every other account's
 * must be. The defaults exist so the service runs on a laptop with no setup; in production
 * they would be an open door.
 */
public class LocalDefaultSecrets implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	/** The well-known local value of every secret. Never accepted in {@code prod}. */
	public static final String LOCAL_DEFAULT = "local-dev-only";

	private static final String ADMIN_PASSWORD = "helpline.security.first-admin.password";

	// The same minimum as for accounts made through the API (security.Accounts).
	private static final int MIN_ADMIN_PASSWORD_LENGTH = 12;

	private static final Map<String, String> SECRETS = Map.of(ADMIN_PASSWORD, "HELPLINE_ADMIN_PASSWORD",
			"helpline.ami.secret", "HELPLINE_AMI_SECRET");

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		if (!Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
			return;
		}
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
		if (!unsafe.isEmpty()) {
			throw new IllegalStateException(
					"Refusing to start the prod profile with local default, empty or short secrets: " + unsafe);
		}
	}

}
