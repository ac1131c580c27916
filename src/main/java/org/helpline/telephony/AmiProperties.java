package org.helpline.telephony;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Asterisk Manager Interface connection that tells the service what phones and channels
 * really do.
 *
 * @param secret from {@code HELPLINE_AMI_SECRET}; the local default is refused in {@code prod}
 * @param pingInterval how often the link is checked; a silently dead TCP connection is
 * noticed after at most twice this
 * @param tls connect over TLS (Asterisk's tlsenable, usually port 5039), for an Asterisk on
 * another host. The certificate is checked against the JVM's trust store
 * ({@code javax.net.ssl.trustStore}); Asterisk-Java does not check the host name, so that
 * store should hold only the Asterisk's own certificate or its private CA
 */
@ConfigurationProperties("helpline.ami")
record AmiProperties(@DefaultValue("true") boolean enabled, @DefaultValue("127.0.0.1") String host,
		@DefaultValue("5038") int port, @DefaultValue("helpline") String username, String secret,
		@DefaultValue("10s") Duration pingInterval, @DefaultValue("30s") Duration maxRetryDelay,
		@DefaultValue("false") boolean tls) {

}
