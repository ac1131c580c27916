package org.helpline.telephony;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Down when Asterisk could not reach the call flow: the FastAGI socket is not accepting. */
@Component("fastAgi")
@ConditionalOnBooleanProperty(name = "helpline.agi.enabled", matchIfMissing = true)
class AgiHealthIndicator extends AbstractHealthIndicator {

	private final FastAgiLifecycle agi;

	AgiHealthIndicator(FastAgiLifecycle agi) {
		this.agi = agi;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		(agi.isAccepting() ? builder.up() : builder.down()).withDetail("listen", agi.address());
	}

}
