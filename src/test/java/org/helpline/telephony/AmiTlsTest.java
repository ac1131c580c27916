package org.helpline.telephony;

import java.time.Duration;

import org.asteriskjava.manager.DefaultManagerConnection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The manager connection to a remote Asterisk can be encrypted; a local one stays plain TCP. */
class AmiTlsTest {

	@Test
	void tlsSwitchedOnMakesAnEncryptedConnection() {
		assertThat(((DefaultManagerConnection) AmiConnection.connection(ami(true))).isSsl()).isTrue();
	}

	@Test
	void withoutTheSwitchTheConnectionIsPlain() {
		assertThat(((DefaultManagerConnection) AmiConnection.connection(ami(false))).isSsl()).isFalse();
	}

	private static AmiProperties ami(boolean tls) {
		return new AmiProperties(true, "asterisk.example", 5039, "helpline", "a-real-secret", Duration.ofSeconds(10),
				Duration.ofSeconds(30), tls);
	}

}
