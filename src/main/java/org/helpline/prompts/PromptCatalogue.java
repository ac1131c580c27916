package org.helpline.prompts;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The texts of every voice prompt, per language: what an operator set, else the built-in
 * text from {@code prompts/<language>.properties}. The built-in files are turned into audio
 * by {@code ops/prompts.sh}, an operator's text by the service itself, so what a preview
 * shows is what the caller hears.
 */
@Component
public class PromptCatalogue {

	public static final List<String> LANGUAGES = List.of("nl", "en");

	/** Where the text of a prompt comes from. */
	public enum Source {

		BUILT_IN, OPERATOR

	}

	/** A prompt key and, per language that has it, where its text comes from. */
	public record Key(String key, Map<String, Source> languages) {
	}

	private final Map<String, Properties> builtIn = LANGUAGES.stream()
		.collect(Collectors.toMap(language -> language, PromptCatalogue::load));

	private final OperatorTexts operatorTexts;

	public PromptCatalogue(OperatorTexts operatorTexts) {
		this.operatorTexts = operatorTexts;
	}

	/** The text of a prompt, or empty when the catalogue has no such prompt in that language. */
	public Optional<String> text(Prompt prompt) {
		return Optional.ofNullable(operatorTexts.all().get(prompt)).or(() -> builtInText(prompt));
	}

	/** The text shipped with the service, whatever an operator set over it. */
	public Optional<String> builtInText(Prompt prompt) {
		Properties language = builtIn.get(prompt.language());
		return Optional.ofNullable(language == null ? null : language.getProperty(prompt.key()));
	}

	/** True when the service ships this prompt (and {@code ops/prompts.sh} makes its audio). */
	public boolean isBuiltIn(Prompt prompt) {
		return builtInText(prompt).isPresent();
	}

	/** True when the prompt exists in every language the helpline can speak. */
	public boolean hasEverywhere(String key) {
		Map<Prompt, String> operator = operatorTexts.all();
		return LANGUAGES.stream().allMatch(language -> {
			Prompt prompt = new Prompt(language, key);
			return operator.containsKey(prompt) || isBuiltIn(prompt);
		});
	}

	/** Every key, built-in or an operator's, in key order. */
	public List<Key> keys() {
		Map<Prompt, String> operator = operatorTexts.all();
		var keys = Stream.concat(builtIn.values().stream().flatMap(p -> p.stringPropertyNames().stream()),
				operator.keySet().stream().map(Prompt::key))
			.collect(Collectors.toCollection(TreeSet::new));
		return keys.stream().map(key -> {
			Map<String, Source> languages = new LinkedHashMap<>();
			for (String language : LANGUAGES) {
				Prompt prompt = new Prompt(language, key);
				if (operator.containsKey(prompt)) {
					languages.put(language, Source.OPERATOR);
				}
				else if (isBuiltIn(prompt)) {
					languages.put(language, Source.BUILT_IN);
				}
			}
			return new Key(key, Collections.unmodifiableMap(languages));
		}).toList();
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
