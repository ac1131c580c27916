package org.helpline.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Service;

/**
 * Counts failed logins per client address, whatever the username (unknown ones too): too
 * many within a window refuse that address's logins for a while. So one machine guessing
 * passwords is slowed down long before it could lock an account for everyone. In memory and
 * bounded: an address nobody remembers any more is a fresh one, never a full map.
 */
@Service
class AddressThrottle {

	private static final Logger log = LoggerFactory.getLogger(AddressThrottle.class);

	private final Cache<String, Failures> failures;

	private final Clock clock;

	private final AccountProperties.PerAddress settings;

	@Autowired
	AddressThrottle(AccountProperties properties, Clock clock) {
		this(remembering(properties.lockout().perAddress(), clock), properties.lockout().perAddress(), clock);
	}

	AddressThrottle(Cache<String, Failures> failures, AccountProperties.PerAddress settings, Clock clock) {
		this.failures = failures;
		this.settings = settings;
		this.clock = clock;
	}

	/** At most {@code maxAddresses}, each forgotten once neither its failures nor its refusal matter. */
	static Cache<String, Failures> remembering(AccountProperties.PerAddress settings, Clock clock) {
		Duration longest = settings.window().compareTo(settings.duration()) > 0 ? settings.window()
				: settings.duration();
		return Caffeine.newBuilder()
			.maximumSize(settings.maxAddresses())
			.expireAfterWrite(longest)
			.ticker(() -> Duration.between(Instant.EPOCH, clock.instant()).toNanos())
			.build();
	}

	@EventListener
	void on(AuthenticationFailureBadCredentialsEvent event) {
		String address = addressOf(event.getAuthentication());
		if (address != null) {
			failed(address);
		}
	}

	boolean isThrottled(String address) {
		Failures known = failures.getIfPresent(key(address));
		return known != null && known.refusedUntil() != null && known.refusedUntil().isAfter(clock.instant());
	}

	void failed(String address) {
		Instant now = clock.instant();
		Failures after = failures.asMap()
			.compute(key(address), (key, before) -> (before == null ? Failures.NONE : before).plus(now, settings));
		// Refused from now on: this failure was the one that reached the limit.
		if (now.plus(settings.duration()).equals(after.refusedUntil())) {
			log.warn("Logins from {} refused until {} after {} failed logins", key(address), after.refusedUntil(),
					settings.maxFailures());
		}
	}

	/** The client address of a login through a web request, or null for one made otherwise. */
	static @Nullable String addressOf(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
				: null;
	}

	/** An IPv6 client owns its whole /64 and could take a new address for every guess. */
	private static String key(String address) {
		try {
			InetAddress parsed = InetAddress.ofLiteral(address);
			if (parsed instanceof Inet6Address) {
				byte[] bytes = parsed.getAddress();
				for (int i = 8; i < 16; i++) {
					bytes[i] = 0;
				}
				return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
			}
			return parsed.getHostAddress();
		}
		catch (IllegalArgumentException | UnknownHostException notALiteral) {
			return address;
		}
	}

	/** @param at failures within the window, oldest first; @param refusedUntil null when not refused */
	record Failures(List<Instant> at, @Nullable Instant refusedUntil) {

		static final Failures NONE = new Failures(List.of(), null);

		Failures plus(Instant now, AccountProperties.PerAddress settings) {
			if (refusedUntil != null && refusedUntil.isAfter(now)) {
				return this;
			}
			List<Instant> recent = new ArrayList<>(at.stream().filter(t -> t.isAfter(now.minus(settings.window()))).toList());
			recent.add(now);
			return recent.size() >= settings.maxFailures() ? new Failures(List.of(), now.plus(settings.duration()))
					: new Failures(List.copyOf(recent), null);
		}

	}

}
