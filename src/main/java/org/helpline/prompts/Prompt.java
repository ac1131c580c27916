package org.helpline.prompts;

/**
 * One recorded sentence or word the caller hears, in one language.
 *
 * @param key the catalogue key, e.g. {@code closed-holiday}
 */
public record Prompt(String language, String key) {

	/** The sound file as Asterisk names it (no extension), below its sounds folder. */
	public String file() {
		return "helpline/" + language + "/" + key;
	}

}
