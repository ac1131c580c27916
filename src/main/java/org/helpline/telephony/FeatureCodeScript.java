package org.helpline.telephony;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.helpline.counsellors.ChangeKeptException;
import org.helpline.counsellors.Presence;
import org.helpline.counsellors.StateConflictException;
import org.helpline.prompts.Prompt;

import org.springframework.stereotype.Component;

/**
 * The {@code feature} script: a counsellor dials a code from their own phone ({@code *21}
 * sign in, {@code *22} sign out, {@code *23} pause, {@code *24} resume, {@code *25} end
 * wrap-up) and hears what happened. The phone is known by its PJSIP endpoint, which Asterisk
 * only accepts after digest authentication.
 */
@Component
class FeatureCodeScript implements AgiScript {

	static final String NAME = "feature";

	/** PJSIP channel names are the endpoint plus a sequence: PJSIP/counsellor-1-0000002a. */
	private static final Pattern PJSIP_CHANNEL = Pattern.compile("PJSIP/(.+)-[0-9a-f]{8}");

	private final Presence presence;

	private final PromptPlayer prompts;

	FeatureCodeScript(Presence presence, PromptPlayer prompts) {
		this.presence = presence;
		this.prompts = prompts;
	}

	@Override
	public void service(AgiRequest request, AgiChannel channel) throws AgiException {
		Optional<Long> counsellor = endpoint(request.getChannel()).flatMap(presence::counsellorAtEndpoint);
		String language = "nl";
		String said = counsellor.map(id -> apply(id, request.getParameter("code"))).orElse("feature-unknown-phone");
		prompts.play(channel, List.of(new Prompt(language, said), new Prompt("en", said)));
	}

	/** Does what the code asks; returns the prompt that says so. */
	private String apply(long counsellor, String code) {
		try {
			switch (code == null ? "" : code) {
				case "21" -> presence.signIn(counsellor);
				case "22" -> presence.signOut(counsellor);
				case "23" -> presence.pause(counsellor, "paused on the phone");
				case "24" -> presence.resume(counsellor);
				case "25" -> presence.endWrapUp(counsellor);
				default -> {
					return "feature-refused";
				}
			}
		}
		catch (StateConflictException ex) {
			return "feature-refused";
		}
		catch (ChangeKeptException ex) {
			// Made as soon as the database is back; no call is routed before that anyway.
		}
		return switch (code) {
			case "21" -> "feature-signed-in";
			case "22" -> "feature-signed-out";
			case "23" -> "feature-paused";
			case "24" -> "feature-resumed";
			default -> "feature-wrap-up-ended";
		};
	}

	static Optional<String> endpoint(String channel) {
		Matcher matcher = PJSIP_CHANNEL.matcher(channel == null ? "" : channel);
		return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

}
