package org.helpline.telephony;

import java.util.concurrent.Semaphore;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a script only for a request that carries the dialplan's secret (anything else gets no
 * prompt, no channel variable and no record), times every run, and is the last line of
 * defence for privacy: nothing that
 * escapes a script reaches Asterisk-Java's own error logging, which prints the whole
 * request, caller number included. A failed script leaves the call's HELPLINE_ACTION unset,
 * so the dialplan plays its fallback.
 */
class TimedAgiScript implements AgiScript {

	private static final Logger log = LoggerFactory.getLogger(TimedAgiScript.class);

	private final String name;

	private final AgiScript script;

	private final AsteriskSecret secret;

	private final MeterRegistry meters;

	/** Places for calls served at once; null for a script that always runs (a call's end). */
	private final @Nullable Semaphore calls;

	TimedAgiScript(String name, AgiScript script, AsteriskSecret secret, MeterRegistry meters, @Nullable Semaphore calls) {
		this.name = name;
		this.script = script;
		this.secret = secret;
		this.meters = meters;
		this.calls = calls;
	}

	/**
	 * The dialplan leaves a node that does not take a request within a few seconds (a frozen
	 * JVM still accepts connections); taking it means switching that timer off, before anything
	 * that could be slow. Read from the raw request, like the secret.
	 */
	private static void disarmFirstAnswerTimer(AgiRequest request, AgiChannel channel) throws AgiException {
		if (request.getRequest() != null && "armed".equals(request.getRequest().get("arg_2"))) {
			// Fails when Asterisk gave up on this request already (e.g. it waited here while this
			// node was frozen, and went to the next node): then nothing of it may run.
			channel.setAutoHangup(0);
		}
	}

	@Override
	public void service(AgiRequest request, AgiChannel channel) {
		Timer.Sample sample = Timer.start(meters);
		String status = "completed";
		try {
			if (!secret.isCarriedBy(request)) {
				status = "refused";
				log.warn("FastAGI request for '{}' from {} refused: it does not carry the dialplan's secret", name,
						request.getRemoteAddress() == null ? "?" : request.getRemoteAddress().getHostAddress());
			}
			else if (calls != null && !calls.tryAcquire()) {
				// Not taken: the dialplan's fallback tries another node, or this one again shortly.
				status = "busy";
				log.warn("FastAGI request for '{}' refused: helpline.agi.max-concurrent-calls are being served", name);
			}
			else {
				try {
					disarmFirstAnswerTimer(request, channel);
					script.service(request, channel);
				}
				finally {
					if (calls != null) {
						calls.release();
					}
				}
			}
		}
		catch (AgiHangupException ex) {
			status = "caller_hung_up";
		}
		catch (AgiException | RuntimeException ex) {
			status = "failed";
			// The type and our own message only: exception texts from the channel may quote it.
			log.error("AGI script '{}' failed: {}", name,
					ex.getClass().getSimpleName());
		}
		finally {
			sample.stop(Timer.builder("helpline.agi.script")
				.description("Time a FastAGI script held a call")
				.tag("script", name)
				.tag("status", status)
				.publishPercentileHistogram()
				.register(meters));
		}
	}

}
