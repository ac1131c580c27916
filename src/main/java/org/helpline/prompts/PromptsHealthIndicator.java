package org.helpline.prompts;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * A warning (not down: calls still hear the built-in prompt or "one moment, please") when
 * the audio file of an operator's prompt is missing or unreadable. Each check looks at the
 * files again, so a file that came back plays again from the next call on.
 */
@Component("promptsHealthIndicator")
class PromptsHealthIndicator extends AbstractHealthIndicator {

	static final Status WARNING = new Status("WARNING", "Callers hear a fallback for some operators' prompts");

	private final PromptStore store;

	private final AudioFolder folder;

	PromptsHealthIndicator(PromptStore store, AudioFolder folder) {
		this.store = store;
		this.folder = folder;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		var missing = store.recheck().stream()
			.map(p -> p.prompt().language() + "/" + p.prompt().key() + " (" + p.audioFile() + ")")
			.toList();
		(missing.isEmpty() ? builder.up() : builder.status(WARNING).withDetail("missing", missing))
			.withDetail("audioFolder", folder.root().toString());
	}

}
