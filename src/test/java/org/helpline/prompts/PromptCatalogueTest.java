package org.helpline.prompts;

import java.util.Map;

import org.helpline.prompts.PromptCatalogue.Source;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Every prompt the call flow can ask for exists, with text, in both languages; an operator's
 * text goes before the built-in one.
 */
class PromptCatalogueTest {

	final PromptCatalogue catalogue = new PromptCatalogue(Map::of);

	@Test
	void everyFixedPromptExistsInBothLanguages() {
		for (String key : new String[] { "closed-evening", "closed-weekend", "closed-holiday", "closed-closure",
				"opens-again", "at", "no-next-opening", "alternatives", "unknown-number", "fallback",
				"fallback-final", "day-today", "day-tomorrow", "fallback-prompt" }) {
			assertThat(catalogue.hasEverywhere(key)).as(key).isTrue();
		}
	}

	@Test
	void anOperatorsTextGoesBeforeTheBuiltInOne() {
		PromptCatalogue withOperator = new PromptCatalogue(
				() -> Map.of(new Prompt("nl", "welcome"), "Welkom, je bent anoniem."));

		assertThat(withOperator.text(new Prompt("nl", "welcome"))).contains("Welkom, je bent anoniem.");
		assertThat(withOperator.builtInText(new Prompt("nl", "welcome"))).get().asString().startsWith("Welkom bij");
		assertThat(withOperator.text(new Prompt("en", "welcome"))).get().asString().startsWith("Welcome to");
	}

	@Test
	void aNewKeyIsEverywhereOnlyWhenAnOperatorGaveItATextInEveryLanguage() {
		Prompt dutch = new Prompt("nl", "info-website");
		Prompt english = new Prompt("en", "info-website");

		assertThat(new PromptCatalogue(() -> Map.of(dutch, "Kijk op de website.")).hasEverywhere("info-website"))
			.isFalse();
		PromptCatalogue both = new PromptCatalogue(() -> Map.of(dutch, "Kijk op de website.", english, "See the website."));
		assertThat(both.hasEverywhere("info-website")).isTrue();
		assertThat(both.isBuiltIn(dutch)).isFalse();
	}

	@Test
	void keysNameWhereEachLanguagesTextComesFrom() {
		PromptCatalogue catalogue = new PromptCatalogue(() -> Map.of(new Prompt("nl", "welcome"), "Hallo",
				new Prompt("nl", "info-website"), "Kijk op de website."));

		assertThat(catalogue.keys()).filteredOn(k -> k.key().equals("welcome")).singleElement()
			.satisfies(k -> assertThat(k.languages()).containsExactly(entry("nl", Source.OPERATOR),
					entry("en", Source.BUILT_IN)));
		assertThat(catalogue.keys()).filteredOn(k -> k.key().equals("info-website")).singleElement()
			.satisfies(k -> assertThat(k.languages()).containsExactly(entry("nl", Source.OPERATOR)));
		assertThat(catalogue.keys()).extracting(PromptCatalogue.Key::key).contains("closed-holiday", "hour-23");
	}

}
