package org.helpline.contact;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.helpline.helplines.Helpline;
import org.helpline.helplines.HelplineChanged;
import org.helpline.helplines.Helplines;
import org.helpline.helplines.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A helpline's time zone and country, which every recorded call needs; kept in memory so
 * that writing a call's record costs one insert.
 */
@Component
class HelplinePlaces {

	private static final Logger log = LoggerFactory.getLogger(HelplinePlaces.class);

	/**
	 * @param country null if the helpline is unknown: then only international numbers are read
	 * @param name the helpline's name, its id if unknown
	 */
	record Place(ZoneId zone, @Nullable String country, String name) {
	}

	private final Helplines helplines;

	private final LoadingCache<Long, Place> places;

	HelplinePlaces(Helplines helplines) {
		this.helplines = helplines;
		this.places = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(5)).maximumSize(1_000).build(this::load);
	}

	Place of(long helplineId) {
		return places.get(helplineId);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void forget(HelplineChanged event) {
		places.invalidate(event.helplineId());
	}

	private Place load(long helplineId) {
		try {
			Helpline helpline = helplines.get(helplineId);
			return new Place(helpline.zone(), helpline.country(), helpline.name());
		}
		catch (NotFoundException ex) {
			log.warn("Contact for unknown helpline {}: its start is coarsened in UTC", helplineId);
			return new Place(ZoneOffset.UTC, null, Long.toString(helplineId));
		}
	}

}
