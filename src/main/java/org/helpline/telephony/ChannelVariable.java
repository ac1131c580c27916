package org.helpline.telephony;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.jspecify.annotations.Nullable;

/**
 * The channel variables this service sets for the dialplan or reads back in a later session of
 * the same call; the contract with {@code asterisk-config/extensions.conf}, whose names are
 * these constants' names. All live on the caller's channel, so they outlast a session. What a channel gives back is checked here, as anything from outside.
 */
enum ChannelVariable {

	/** The helpline the call is for; set before the menu, so that any end leaves its record. */
	HELPLINE_ID(true),

	/**
	 * The caller's first entry into the queue (epoch milliseconds): their place across sessions.
	 * The call and the queue hold it too, but only in this node's memory; a call outlives the
	 * death of the node that held it only through its channel, so this copy is the one that
	 * keeps the caller's place (and their record's waiting time) on the node that takes over.
	 * The dialplan hands it back with each {@code incoming} request.
	 */
	HELPLINE_QUEUED_AT(true),

	/** The caller's menu choice, empty for none. */
	HELPLINE_CALLER_GROUP(false),

	/** The language the caller hears. */
	HELPLINE_LANGUAGE(true),

	/** What the counsellor's phone shows instead of the caller's number. */
	HELPLINE_CALLERID_NAME(true),

	/** The helpline's own number, shown to the counsellor in place of the caller's. */
	HELPLINE_CALLERID_NUM(true),

	/** How the call was handled, for the channel's own records (the dialplan does not act on it). */
	HELPLINE_OUTCOME(false),

	/** What the dialplan does next: {@code open} (dial), {@code closed} or {@code unknown} (hang up). */
	HELPLINE_ACTION(true),

	/** The dial string of the counsellor claimed for the caller. */
	HELPLINE_DESTINATION(true),

	/** How long the claimed counsellor's phone rings, in seconds. */
	HELPLINE_RING_TIMEOUT(true);

	/**
	 * What MSet passes as it is: letters, digits, inner spaces and a few marks; no separator,
	 * quote, backslash or expression.
	 */
	private static final Pattern PLAIN = Pattern.compile("([\\p{L}0-9/@._+:-]([\\p{L}0-9/@._+: -]*[\\p{L}0-9/@._+:-])?)?");

	/** EXEC's result when Asterisk knows no such application. */
	private static final int NO_SUCH_APPLICATION = -2;

	/** False for what only this service reads back in a later session of the call. */
	final boolean dialplanReads;

	ChannelVariable(boolean dialplanReads) {
		this.dialplanReads = dialplanReads;
	}

	void set(AgiChannel channel, String value) throws AgiException {
		channel.setVariable(name(), value);
	}

	/**
	 * Sets these variables in one AGI round trip (Asterisk's MSet) where it can: each round trip
	 * less is time less before the caller hears the welcome or the counsellor's phone rings.
	 * MSet splits at separators and strips quotes and backslashes, so a value with anything but
	 * plain characters is set on its own, as is every value when Asterisk has no MSet.
	 */
	static void setAll(AgiChannel channel, Map<ChannelVariable, String> values) throws AgiException {
		Map<ChannelVariable, String> alone = new LinkedHashMap<>(values);
		List<String> together = new ArrayList<>();
		values.forEach((variable, value) -> {
			if (PLAIN.matcher(value).matches()) {
				together.add(variable.name() + "=" + value);
				alone.remove(variable);
			}
		});
		if (together.size() < 2 || channel.exec("MSet", String.join(",", together)) == NO_SUCH_APPLICATION) {
			alone.clear();
			alone.putAll(values);
		}
		for (Map.Entry<ChannelVariable, String> entry : alone.entrySet()) {
			entry.getKey().set(channel, entry.getValue());
		}
	}

	String get(AgiChannel channel) throws AgiException {
		return channel.getVariable(name());
	}

	/** When the call first joined the queue, if it did before (the channel remembers). */
	static Optional<Instant> queuedAt(AgiChannel channel) throws AgiException {
		return queuedAt(HELPLINE_QUEUED_AT.get(channel));
	}

	/**
	 * The same, from the request when the dialplan passed it ({@code queued=}, empty when never
	 * queued): a round trip less before the caller hears anything. Asked of the channel when the
	 * dialplan did not pass it.
	 */
	static Optional<Instant> queuedAt(AgiRequest request, AgiChannel channel) throws AgiException {
		String passed = request.getParameter("queued");
		return passed == null ? queuedAt(channel) : queuedAt(passed);
	}

	private static Optional<Instant> queuedAt(@Nullable String queuedAt) {
		if (queuedAt != null && queuedAt.matches("[0-9]{1,15}")) {
			return Optional.of(Instant.ofEpochMilli(Long.parseLong(queuedAt)));
		}
		return Optional.empty();
	}

	/** The helpline the channel names, if it names one. */
	static Optional<Long> helplineId(AgiChannel channel) throws AgiException {
		String helpline = HELPLINE_ID.get(channel);
		return helpline != null && helpline.matches("[0-9]{1,18}") ? Optional.of(Long.parseLong(helpline))
				: Optional.empty();
	}

	/** The caller's earlier choice; null for none (or anything that is not a group's name). */
	static @Nullable CallerGroup callerGroup(AgiChannel channel) throws AgiException {
		return CallerGroup.parse(HELPLINE_CALLER_GROUP.get(channel)).orElse(null);
	}

	/** The language the caller heard before, if the channel names one. */
	static Optional<Language> language(AgiChannel channel) throws AgiException {
		return Language.parse(HELPLINE_LANGUAGE.get(channel));
	}

}
