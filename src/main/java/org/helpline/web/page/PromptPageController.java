package org.helpline.web.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.helpline.helplines.ChangeRefusedException;
import org.helpline.helplines.FieldProblem;
import org.helpline.helplines.NotFoundException;
import org.helpline.helplines.ProblemCode;
import org.helpline.prompts.PromptCatalogue;
import org.helpline.prompts.PromptCatalogue.Source;
import org.helpline.prompts.PromptView;
import org.helpline.prompts.Prompts;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operators' pages for voice prompts: the catalogue with a filter, one key's page per
 * language to change its text or recording and listen to it, and a form for a new key. Every
 * change is audited as the API's are ({@code prompt}, {@code <language>/<key>}).
 */
@Controller
@RequestMapping("/operator/prompts")
class PromptPageController {

	private static final MediaType WAV = MediaType.parseMediaType("audio/wav");

	private final Prompts prompts;

	PromptPageController(Prompts prompts) {
		this.prompts = prompts;
	}

	/** Operators' changes first, as those are what they look for; then the rest by key. */
	@GetMapping
	String list(@RequestParam(required = false) String q, Model model) {
		String filter = Forms.blank(q) ? null : q.strip().toLowerCase(Locale.ROOT);
		model.addAttribute("rows", prompts.all()
			.stream()
			.map(Row::of)
			.filter(row -> filter == null || row.matches(filter))
			.sorted(Comparator.comparing((Row row) -> !row.changed()).thenComparing(Row::key))
			.toList());
		model.addAttribute("q", q);
		defaults(model);
		return "operator/prompts";
	}

	@GetMapping("/{key}")
	String prompt(@PathVariable String key, Model model) {
		if (!exists(key)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no prompt has the key '" + key + "'");
		}
		Map<String, PromptView> languages = new LinkedHashMap<>();
		PromptCatalogue.LANGUAGES.forEach(l -> languages.put(l, prompts.find(l, key).orElse(null)));
		model.addAttribute("key", key);
		model.addAttribute("languages", languages);
		defaults(model);
		return "operator/prompt";
	}

	/** A new key in both languages, or nothing: a menu can only play a key that every language has. */
	@PostMapping
	String create(NewKeyForm form, Principal principal, RedirectAttributes redirect) {
		// Empty is no key, and the prompts name it as such.
		String key = Objects.toString(form.key(), "").strip();
		List<FieldProblem> problems = new ArrayList<>();
		if (exists(key)) {
			problems.add(FieldProblem.of(ProblemCode.PROMPT_KEY_EXISTS, "key", key));
		}
		PromptCatalogue.LANGUAGES.stream()
			.filter(l -> Forms.blank(form.text(l)))
			.forEach(l -> problems.add(FieldProblem.of(ProblemCode.PROMPT_TEXT_REQUIRED, l)));
		if (!problems.isEmpty()) {
			return refusedKey(redirect, form, problems);
		}
		try {
			named("nl", () -> prompts.setText("nl", key, form.nl(), principal.getName()));
			try {
				named("en", () -> prompts.setText("en", key, form.en(), principal.getName()));
			}
			catch (Refused ex) {
				prompts.delete("nl", key);
				throw ex;
			}
		}
		catch (Refused ex) {
			return refusedKey(redirect, form, ex.problems);
		}
		redirect.addFlashAttribute("notice", "operator.saved");
		return "redirect:/operator/prompts/" + key;
	}

	@PostMapping("/{language}/{key}/text")
	String setText(@PathVariable String language, @PathVariable String key, @RequestParam(required = false) String text,
			Principal principal, RedirectAttributes redirect) {
		return change(language, key, text, redirect,
				() -> prompts.setText(language, key, text, principal.getName()));
	}

	@PostMapping("/{language}/{key}/regenerate")
	String regenerate(@PathVariable String language, @PathVariable String key, Principal principal,
			RedirectAttributes redirect) {
		return change(language, key, null, redirect,
				() -> prompts.regenerate(language, key, principal.getName()));
	}

	/** @param text what the recording says; empty keeps the prompt's text */
	@PostMapping("/{language}/{key}/audio")
	String upload(@PathVariable String language, @PathVariable String key,
			@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String text,
			Principal principal, RedirectAttributes redirect) {
		return change(language, key, null, redirect, () -> {
			if (file == null || file.isEmpty()) {
				throw new Refused(List.of(FieldProblem.of(ProblemCode.PROMPT_FILE_REQUIRED, "file")));
			}
			try {
				return prompts.upload(language, key, file.getInputStream(), Forms.orNull(text), principal.getName());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/** Back to the built-in text and recording; a key the service does not ship is gone in that language. */
	@PostMapping("/{language}/{key}/delete")
	String delete(@PathVariable String language, @PathVariable String key, RedirectAttributes redirect) {
		String page = change(language, key, null, redirect, () -> prompts.delete(language, key));
		return exists(key) ? page : "redirect:/operator/prompts";
	}

	/** What callers hear, for the page's audio player; the API's is for Basic authentication only. */
	@GetMapping("/{language}/{key}/audio")
	ResponseEntity<byte[]> audio(@PathVariable String language, @PathVariable String key) {
		return ResponseEntity.ok().contentType(WAV).cacheControl(CacheControl.noCache())
			.body(prompts.audio(language, key));
	}

	/** @param text the text sent, to fill the text form in again when refused; null when it sent none */
	private String change(String language, String key, @Nullable String text, RedirectAttributes redirect,
			ChangeWork work) {
		String page = "redirect:/operator/prompts/" + key + "#" + language;
		try {
			work.run();
			redirect.addFlashAttribute("notice", "operator.saved");
		}
		catch (ChangeRefusedException ex) {
			refused(redirect, language, ex.problems(), text);
		}
		catch (Refused ex) {
			refused(redirect, language, ex.problems, text);
		}
		catch (NotFoundException ex) {
			refused(redirect, language, List.of(new FieldProblem("key", ex.getMessage())), text);
		}
		return page;
	}

	private static void refused(RedirectAttributes redirect, String language, List<FieldProblem> problems,
			@Nullable String text) {
		redirect.addFlashAttribute("problems", new FormProblems(language, problems));
		redirect.addFlashAttribute("sentText", text);
	}

	private static String refusedKey(RedirectAttributes redirect, NewKeyForm form, List<FieldProblem> problems) {
		return OperatorHelplinesController.refused(redirect, "newKey", problems, form, "/operator/prompts#new-key");
	}

	/** Names a problem of one language's text after that language, since the form has both. */
	private static PromptView.Change named(String language, ChangeWork work) {
		try {
			return work.run();
		}
		catch (ChangeRefusedException ex) {
			throw new Refused(ex.problems()
				.stream()
				.map(p -> p.field().equals("text") ? p.at(language) : p)
				.toList());
		}
	}

	/** False for a key that is not even well-formed. */
	private boolean exists(String key) {
		try {
			return PromptCatalogue.LANGUAGES.stream().anyMatch(l -> prompts.find(l, key).isPresent());
		}
		catch (ChangeRefusedException ex) {
			return false;
		}
	}

	private static void defaults(Model model) {
		if (!model.containsAttribute("problems")) {
			model.addAttribute("problems", FormProblems.NONE);
		}
	}

	@FunctionalInterface
	private interface ChangeWork {

		PromptView.Change run();

	}

	/** A change the page refuses before (or instead of) the prompts' own checks. */
	private static final class Refused extends RuntimeException {

		private final List<FieldProblem> problems;

		Refused(List<FieldProblem> problems) {
			super(null, null, false, false);
			this.problems = problems;
		}

	}

	record NewKeyForm(String key, String nl, String en) {

		String text(String language) {
			return language.equals("nl") ? nl : en;
		}

	}

	/**
	 * One key in the catalogue's table.
	 * @param nl null when the key has no Dutch prompt
	 * @param changed whether an operator changed it in some language
	 */
	record Row(String key, @Nullable PromptView nl, @Nullable PromptView en, boolean changed) {

		static Row of(PromptView.Entry entry) {
			PromptView nl = entry.languages().get("nl");
			PromptView en = entry.languages().get("en");
			return new Row(entry.key(), nl, en,
					entry.languages().values().stream().anyMatch(v -> v.source() == Source.OPERATOR));
		}

		/** Dutch, then English, as the table's columns; an element is null where the key has no prompt. */
		public List<PromptView> columns() {
			return Arrays.asList(nl, en);
		}

		boolean matches(String filter) {
			return key.contains(filter) || contains(nl, filter) || contains(en, filter);
		}

		private static boolean contains(@Nullable PromptView view, String filter) {
			return view != null && view.text().toLowerCase(Locale.ROOT).contains(filter);
		}

	}

}
