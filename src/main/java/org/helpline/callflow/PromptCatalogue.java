package org.helpline.callflow;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The texts of every voice prompt, per language, from {@code prompts/<language>.properties}.
 * The same files are turned into audio by {@code ops/prompts.sh}, so what a preview shows is
 * what the caller hears.
 */
@Component
public class PromptCatalogue {

	public static final List<String> LANGUAGES = List.of("nl", "en");

	private final Map<String, Properties> texts = LANGUAGES.stream()
		.collect(Collectors.toMap(language -> language, PromptCatalogue::load));

	/** The text of a prompt, or empty when the catalogue has no such prompt in that language. */
	public Optional<String> text(Prompt prompt) {
		Properties language = texts.get(prompt.language());
		return Optional.ofNullable(language == null ? null : language.getProperty(prompt.key()));
	}

	/** True when the prompt exists in every language the helpline can speak. */
	public boolean hasEverywhere(String key) {
		return texts.values().stream().allMatch(t -> t.containsKey(key));
	}

	private static Properties load(String language) {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(
				new ClassPathResource("prompts/" + language + ".properties").getInputStream(),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Prompt texts for '" + language + "' are missing", ex);
		}
		return properties;
	}

}
