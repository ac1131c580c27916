package org.helpline.routing;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param recheck how often the routing loop ends wrap-ups, releases stale claims and looks
 * again for free counsellors in the database (another instance may have freed one)
 * @param claimGrace a counsellor still ringing this long after the ring timeout is released:
 * the instance that rang them never reported back
 * @param estimateWindow answers older than this do not count towards the wait estimate
 * @param estimateSamples how many recent answers the estimate averages at most
 * @param estimateMinSamples fewer recent answers than this: no estimate
 * @param rulesCacheTtl how long a helpline's rules may be served from memory; a change through
 * this instance takes effect at once, one through another instance within this time
 * @param movedCallerWait how long a caller of a node that stopped sharing its queue (killed,
 * frozen) keeps their place on the others: the dialplan brings the callers of a dead node to
 * another within seconds, and they re-join there one by one; a counsellor free meanwhile is kept
 * for the first of them, not given to whichever re-joins first
 * @param defaults the rules of a helpline whose operator set none (counsellors.PresenceProperties
 * reads its wrap-up too)
 */
@ConfigurationProperties("helpline.routing")
record RoutingProperties(@DefaultValue("2s") Duration recheck, @DefaultValue("30s") Duration claimGrace,
		@DefaultValue("1h") Duration estimateWindow, @DefaultValue("10") int estimateSamples,
		@DefaultValue("3") int estimateMinSamples,
		@DefaultValue("30s") Duration rulesCacheTtl, @DefaultValue("20s") Duration movedCallerWait,
		@DefaultValue Defaults defaults) {

	/** The ring timeout defaults to the helpline's own. */
	record Defaults(@DefaultValue("LONGEST_IDLE") Strategy strategy, @DefaultValue("60") int wrapUpSeconds,
			@DefaultValue("900") int maxWaitSeconds, @DefaultValue("60") int announcementSeconds,
			@DefaultValue("BOTH") Announce announce, @DefaultValue({ "60", "120" }) List<Integer> wideningSeconds,
			@DefaultValue("false") boolean whisper, @DefaultValue("0") int waitForSignInSeconds) {
	}

}
