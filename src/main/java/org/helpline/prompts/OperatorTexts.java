package org.helpline.prompts;

import java.util.Map;

/**
 * The prompt texts operators set while the service runs, over built-in prompts or as new
 * ones. The catalogue asks on every call, so an implementation answers from memory.
 */
@FunctionalInterface
public interface OperatorTexts {

	/** Every prompt an operator gave a text, with that text; never null. */
	Map<Prompt, String> all();

}
