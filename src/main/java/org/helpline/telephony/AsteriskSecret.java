package org.helpline.telephony;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.asteriskjava.fastagi.AgiRequest;

/**
 * The shared secret our dialplan sends as the first argument of every AGI request
 * ({@code AGI(agi://…/script?…,${HELPLINE_AGI_SECRET})}). Compared in constant time, and never
 * logged or echoed.
 */
class AsteriskSecret {

	private final byte[] expected;

	AsteriskSecret(String secret) {
		if (secret == null || secret.isBlank()) {
			throw new IllegalArgumentException("helpline.agi.secret must be set (HELPLINE_AGI_SECRET)");
		}
		this.expected = secret.getBytes(StandardCharsets.UTF_8);
	}

	boolean isCarriedBy(AgiRequest request) {
		String[] arguments = request.getArguments();
		if (arguments == null || arguments.length == 0 || arguments[0] == null) {
			return false;
		}
		return MessageDigest.isEqual(expected, arguments[0].getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public String toString() {
		return "AsteriskSecret[hidden]";
	}

}
