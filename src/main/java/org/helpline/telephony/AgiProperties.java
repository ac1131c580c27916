package org.helpline.telephony;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The FastAGI server Asterisk's dialplan talks to.
 *
 * @param bindAddress the interface to listen on; loopback unless Asterisk runs elsewhere
 * @param maxConcurrentCalls calls served at once; one more is refused and the dialplan plays
 * its fallback instead of waiting for a free thread
 * @param socketReadTimeout how long a connection may stay silent before it is dropped, so a
 * half-open connection cannot hold a call slot forever
 */
@ConfigurationProperties("helpline.agi")
record AgiProperties(@DefaultValue("true") boolean enabled, @DefaultValue("127.0.0.1") String bindAddress,
		@DefaultValue("4573") int port, @DefaultValue("500") int maxConcurrentCalls,
		@DefaultValue("120s") Duration socketReadTimeout) {

}
