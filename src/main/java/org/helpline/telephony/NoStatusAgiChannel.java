package org.helpline.telephony;

import org.asteriskjava.fastagi.AgiChannelFactory;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiReader;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiWriter;
import org.asteriskjava.fastagi.internal.AgiChannelImpl;

/**
 * Asterisk-Java's channel, without the {@code AJ_AGISTATUS} variable its server sets after
 * every script. Our dialplan never reads it (it acts on Asterisk's own {@code AGISTATUS} and on
 * {@code HELPLINE_ACTION}), yet it costs a round trip at the end of every request: the
 * counsellor's phone would ring, and a caller's hang-up finish, that much later.
 */
final class NoStatusAgiChannel extends AgiChannelImpl {

	static final AgiChannelFactory FACTORY = NoStatusAgiChannel::new;

	private static final String STATUS = "AJ_AGISTATUS";

	private NoStatusAgiChannel(AgiRequest request, AgiWriter writer, AgiReader reader) {
		super(request, writer, reader);
	}

	@Override
	public void setVariable(String name, String value) throws AgiException {
		if (!STATUS.equals(name)) {
			super.setVariable(name, value);
		}
	}

}
