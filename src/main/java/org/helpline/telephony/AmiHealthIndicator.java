package org.helpline.telephony;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Down while the service cannot see what Asterisk's phones and channels are doing. */
@Component("asteriskManager")
@ConditionalOnBooleanProperty(name = "helpline.ami.enabled", matchIfMissing = true)
class AmiHealthIndicator extends AbstractHealthIndicator {

	private final AmiConnection ami;

	AmiHealthIndicator(AmiConnection ami) {
		this.ami = ami;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		(ami.isConnected() ? builder.up() : builder.down()).withDetail("ami", ami.address());
	}

}
