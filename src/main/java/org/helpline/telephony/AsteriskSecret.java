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

	/**
	 * Read from the raw environment rather than {@code getArguments()}, which sizes an array by
	 * the highest {@code agi_arg_} number a request claims (a forged one could exhaust memory).
	 */
	boolean isCarriedBy(AgiRequest request) {
		String sent = request.getRequest() == null ? null : request.getRequest().get("arg_1");
		return sent != null && MessageDigest.isEqual(expected, sent.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public String toString() {
		return "AsteriskSecret[hidden]";
	}

}
