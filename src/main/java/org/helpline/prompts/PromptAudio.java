package org.helpline.prompts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;

/**
 * Which sound file Asterisk plays for a prompt. Answered from memory: it is asked for every
 * prompt of every call.
 */
@Service
public class PromptAudio {

	static final String FALLBACK = "fallback-prompt";

	private final PromptStore store;

	private final PromptCatalogue catalogue;

	private final AudioFolder folder;

	PromptAudio(PromptStore store, PromptCatalogue catalogue, AudioFolder folder) {
		this.store = store;
		this.catalogue = catalogue;
		this.folder = folder;
	}

	/**
	 * The file to play, as Asterisk names it (below its sounds path, no extension): the
	 * operator's audio when its file is there, else the built-in prompt, else the built-in
	 * "one moment, please" of that language, so a caller never hears silence.
	 */
	public String fileFor(Prompt prompt) {
		return filesFor(prompt).getFirst();
	}

	/**
	 * {@link #fileFor} and, after it, what to play when Asterisk cannot open it (its host may
	 * lack a file this service has): the built-in prompt, then the built-in fallback.
	 */
	public List<String> filesFor(Prompt prompt) {
		Set<String> files = new LinkedHashSet<>();
		store.playable(prompt).ifPresent(p -> files.add(folder.asteriskName(prompt.language(), p.audioFile())));
		if (catalogue.isBuiltIn(prompt)) {
			files.add(prompt.file());
		}
		String language = PromptCatalogue.LANGUAGES.contains(prompt.language()) ? prompt.language() : "en";
		files.add(new Prompt(language, FALLBACK).file());
		return List.copyOf(files);
	}

}
