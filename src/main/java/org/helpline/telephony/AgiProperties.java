package org.helpline.telephony;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The FastAGI server Asterisk's dialplan talks to.
 *
 * @param bindAddress the interface to listen on; loopback unless Asterisk runs elsewhere
 * @param maxConcurrentCalls calls served at once; one more is refused and the dialplan plays
 * its fallback instead of waiting for a free thread
 * @param maxWaitingConnections connections held at once that have not sent their request yet
 * (each for request-timeout at most); they do not take a call's place, so a flood of silent
 * connections cannot keep calls out
 * @param socketReadTimeout how long a connection may stay silent before it is dropped, so a
 * half-open connection cannot hold a call slot forever
 * @param allowedPeers the addresses (or CIDR ranges) our Asterisk connects from; a connection
 * from anywhere else is closed before a byte of it is read
 * @param secret what the dialplan sends as the first AGI argument of every request; a request
 * without it gets nothing, so no other process can play Asterisk
 * @param maxLineBytes the longest line a request may have; a longer one (or one that never
 * ends) drops the connection before it fills memory
 * @param requestTimeout how long a new connection may take to send its request (Asterisk sends
 * it at once); an idle connection is dropped after it, so it cannot hold a call's slot
 * @param maxCallsInMemory calls remembered between their first script and their hang-up
 * @param callExpiry how long a call whose hang-up never reached us is remembered
 * @param bookkeepingHold how long a script that ends a call waits for its record to be stored
 * before it lets Asterisk go on (and the caller's line be hung up); past it, the record is
 * stored in the background, retried until the database takes it
 */
@ConfigurationProperties("helpline.agi")
record AgiProperties(@DefaultValue("true") boolean enabled, @DefaultValue("127.0.0.1") String bindAddress,
		@DefaultValue("4573") int port, @DefaultValue("500") int maxConcurrentCalls,
		@DefaultValue("2000") int maxWaitingConnections,
		@DefaultValue("120s") Duration socketReadTimeout, @DefaultValue({ "127.0.0.0/8", "::1" }) List<String> allowedPeers,
		@DefaultValue("local-dev-only") String secret, @DefaultValue("4096") int maxLineBytes,
		@DefaultValue("5s") Duration requestTimeout,
		@DefaultValue("5000") int maxCallsInMemory, @DefaultValue("12h") Duration callExpiry,
		@DefaultValue("250ms") Duration bookkeepingHold) {

}
