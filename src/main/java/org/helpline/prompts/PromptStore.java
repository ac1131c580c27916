package org.helpline.prompts;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Operators' prompts as every call sees them: all of them in memory, with whether their
 * audio file is there. Read again after each change through this instance, in the
 * background after the cache time, and on every health check. While the database can't be
 * read, calls keep what was read last: a caller hears a prompt, never an error.
 */
@Component
class PromptStore implements OperatorTexts {

	private static final Logger log = LoggerFactory.getLogger(PromptStore.class);

	private static final String ALL = "all";

	private static final Snapshot NONE = new Snapshot(Map.of(), Map.of(), List.of());

	private final PromptRepository repository;

	private final AudioFolder folder;

	private final LoadingCache<String, Snapshot> snapshot;

	private volatile Snapshot lastRead = NONE;

	PromptStore(PromptRepository repository, AudioFolder folder, PromptProperties properties, MeterRegistry meters) {
		this.repository = repository;
		this.folder = folder;
		this.snapshot = Caffeine.newBuilder().refreshAfterWrite(properties.cacheTtl()).build(key -> load());
		// What the health warning says, for alerts: as of the last look (at most the cache time old).
		Gauge.builder("helpline.prompts.missing", this, store -> store.snapshot().missing().size())
			.description("Operators' prompts whose audio file is missing or unreadable: callers hear a fallback")
			.register(meters);
	}

	@Override
	public Map<Prompt, String> all() {
		return snapshot().texts();
	}

	Optional<OperatorPrompt> find(Prompt prompt) {
		return Optional.ofNullable(snapshot().prompts().get(prompt));
	}

	/** The operator's prompt when its audio file was there at the last look. */
	Optional<OperatorPrompt> playable(Prompt prompt) {
		Snapshot now = snapshot();
		return Optional.ofNullable(now.prompts().get(prompt)).filter(p -> !now.missing().contains(p));
	}

	Collection<OperatorPrompt> prompts() {
		return snapshot().prompts().values();
	}

	/** Forgets what is in memory; the next question reads the database and the folder again. */
	void forget() {
		snapshot.invalidateAll();
	}

	/** Looks at the database and every audio file again; returns the prompts whose file is missing. */
	List<OperatorPrompt> recheck() {
		forget();
		return snapshot.get(ALL).missing();
	}

	private Snapshot snapshot() {
		try {
			return snapshot.get(ALL);
		}
		catch (RuntimeException ex) {
			// The database's health check reports the outage; one line per prompt played would drown it.
			log.debug("Operators' prompts can't be read; using those read last", ex);
			return lastRead;
		}
	}

	private Snapshot load() {
		Map<Prompt, OperatorPrompt> prompts = repository.findAll().stream()
			.collect(Collectors.toUnmodifiableMap(OperatorPrompt::prompt, Function.identity()));
		List<OperatorPrompt> missing = prompts.values().stream()
			.filter(p -> !folder.readable(p.prompt().language(), p.audioFile()))
			.sorted(Comparator.comparing((OperatorPrompt p) -> p.prompt().key())
				.thenComparing(p -> p.prompt().language()))
			.toList();
		Map<Prompt, String> texts = prompts.values().stream()
			.collect(Collectors.toUnmodifiableMap(OperatorPrompt::prompt, OperatorPrompt::text));
		lastRead = new Snapshot(prompts, texts, missing);
		return lastRead;
	}

	private record Snapshot(Map<Prompt, OperatorPrompt> prompts, Map<Prompt, String> texts,
			List<OperatorPrompt> missing) {
	}

}
