package org.helpline.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The privacy rules are plain Java; this is where they join the application. */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

	/**
	 * Refuses to start (in {@code prod}) without the key of the current year: a running
	 * service that could not pseudonymise would lose every caller from the person counts.
	 * In development the check makes the key instead.
	 */
	@Bean
	PseudonymKeys pseudonymKeys(PrivacyProperties properties, Environment environment, Clock clock) {
		PseudonymKeys keys = new PseudonymKeys(properties.keyFolder(), properties.createMissingKeys(),
				environment::getProperty, properties.keyReload());
		keys.require(yearsInUse(clock.instant()));
		return keys;
	}

	@Bean
	Pseudonyms pseudonyms(PseudonymKeys keys) {
		return new Pseudonyms(keys);
	}

	@Bean
	StartTimes startTimes(PrivacyProperties properties) {
		return new StartTimes(properties.startTimeResolution());
	}

	@Bean
	DurationBuckets durationBuckets(PrivacyProperties properties) {
		return new DurationBuckets(properties.durationResolution());
	}

	/** Every year some helpline's local calendar can be in at this instant. */
	static Set<Integer> yearsInUse(Instant now) {
		return new TreeSet<>(List.of(now.atOffset(ZoneOffset.ofHours(-12)).getYear(),
				now.atOffset(ZoneOffset.ofHours(14)).getYear()));
	}

}
