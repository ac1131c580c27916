package org.helpline.prompts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.helpline.audit.AuditTrail;
import org.helpline.helplines.ChangeRefusedException;
import org.helpline.helplines.FieldProblem;
import org.helpline.helplines.NotFoundException;
import org.helpline.helplines.ProblemCode;
import org.helpline.prompts.PromptCatalogue.Source;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Operators change prompt texts and audio here while the service runs; the next call hears
 * the change. A text is spoken by espeak-ng as {@code ops/prompts.sh} would; a recording is
 * converted by sox. The new audio file is in place before the database points at it, and the
 * old one is deleted only after.
 */
@Service
public class Prompts {

	private static final Logger log = LoggerFactory.getLogger(Prompts.class);

	private static final Pattern KEY = Pattern.compile("[a-z0-9-]{1,60}");


	static final int MAX_TEXT = 1000;

	private final PromptRepository repository;

	private final PromptStore store;

	private final AudioFolder folder;

	private final AudioTools tools;

	private final PromptCatalogue catalogue;

	private final PromptAudio audio;

	private final PromptProperties properties;

	private final AuditTrail audit;

	private final Clock clock;

	// Two changes of one prompt at once would each delete the other's file.
	private final Map<Prompt, ReentrantLock> locks = new ConcurrentHashMap<>();

	Prompts(PromptRepository repository, PromptStore store, AudioFolder folder, AudioTools tools,
			PromptCatalogue catalogue, PromptAudio audio, PromptProperties properties, AuditTrail audit, Clock clock) {
		this.repository = repository;
		this.audit = audit;
		this.store = store;
		this.folder = folder;
		this.tools = tools;
		this.catalogue = catalogue;
		this.audio = audio;
		this.properties = properties;
		this.clock = clock;
	}

	/** Every key, built-in or an operator's, with each language it exists in. */
	public List<PromptView.Entry> all() {
		return catalogue.keys().stream().map(key -> {
			Map<String, PromptView> languages = new LinkedHashMap<>();
			key.languages().keySet().forEach(language -> {
				Prompt prompt = new Prompt(language, key.key());
				languages.put(language, view(prompt, store.find(prompt)));
			});
			return new PromptView.Entry(key.key(), languages);
		}).toList();
	}

	/** The prompt, or empty when it is neither built in nor an operator's. */
	public Optional<PromptView> find(String language, String key) {
		return current(checked(language, key, List.of()));
	}

	private Optional<PromptView> current(Prompt prompt) {
		Optional<OperatorPrompt> operator = repository.find(prompt);
		return operator.isEmpty() && !catalogue.isBuiltIn(prompt) ? Optional.empty()
				: Optional.of(view(prompt, operator));
	}

	public PromptView get(String language, String key) {
		return find(language, key).orElseThrow(() -> unknown(language, key));
	}

	/** Stores a text and speaks it into the prompt's audio. */
	public PromptView.Change setText(String language, String key, String text, String actor) {
		Prompt prompt = checked(language, key, textProblems(text));
		return audited(prompt, "update-text", generate(prompt, normalised(text), actor));
	}

	/** Speaks the prompt's current text into its audio again (e.g. over an uploaded recording). */
	public PromptView.Change regenerate(String language, String key, String actor) {
		Prompt prompt = checked(language, key, List.of());
		String text = repository.find(prompt).map(OperatorPrompt::text)
			.or(() -> catalogue.builtInText(prompt))
			.orElseThrow(() -> unknown(language, key));
		return audited(prompt, "regenerate-audio", generate(prompt, text, actor));
	}

	/**
	 * Makes a recording the prompt's audio, converted for the telephone.
	 * @param text what the recording says; null keeps the prompt's current text
	 */
	public PromptView.Change upload(String language, String key, InputStream content, @Nullable String text,
			String actor) {
		List<FieldProblem> problems = new ArrayList<>(text == null ? List.of() : textProblems(text));
		byte[] bytes = read(content, properties.maxUpload().toBytes());
		if (bytes.length == 0) {
			problems.add(FieldProblem.of(ProblemCode.PROMPT_FILE_EMPTY, "file"));
		}
		else if (bytes.length > properties.maxUpload().toBytes()) {
			problems.add(FieldProblem.of(ProblemCode.PROMPT_FILE_TOO_LARGE, "file",
					properties.maxUpload().toMegabytes()));
		}
		AudioFormat format = bytes.length == 0 ? null : AudioFormat.of(bytes).orElse(null);
		if (bytes.length > 0 && format == null) {
			problems.add(FieldProblem.of(ProblemCode.PROMPT_NOT_AUDIO, "file"));
		}
		Prompt prompt = checked(language, key, problems);
		String said = text != null ? normalised(text)
				: repository.find(prompt).map(OperatorPrompt::text).or(() -> catalogue.builtInText(prompt))
					.orElseThrow(() -> invalid(FieldProblem.of(ProblemCode.PROMPT_NEW_NEEDS_TEXT, "text")));
		return audited(prompt, "upload-audio", locked(prompt, () -> {
			PromptView before = current(prompt).orElse(null);
			Path upload = folder.workFile(language, ".upload");
			Path wav = folder.workFile(language, ".wav");
			try {
				Files.write(upload, bytes);
				tools.convert(upload, Objects.requireNonNull(format), wav);
				if (AudioTools.length(wav).compareTo(properties.maxUploadLength()) > 0) {
					throw invalid(FieldProblem.of(ProblemCode.PROMPT_RECORDING_TOO_LONG, "file",
							properties.maxUploadLength().toSeconds()));
				}
				return new PromptView.Change(before, keep(prompt, said, AudioSource.UPLOADED, wav, actor));
			}
			catch (AudioTools.Refused ex) {
				log.info("Upload for prompt {}/{} refused: {}", language, key, ex.getMessage());
				throw invalid(FieldProblem.of(ProblemCode.PROMPT_NOT_AUDIO, "file"));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			finally {
				folder.delete(upload);
				folder.delete(wav);
			}
		}));
	}

	/** Removes an operator's prompt: a built-in one is heard again, a new one is gone. */
	public PromptView.Change delete(String language, String key) {
		Prompt prompt = checked(language, key, List.of());
		return audited(prompt, "delete", locked(prompt, () -> {
			PromptView before = current(prompt).orElse(null);
			OperatorPrompt operator = repository.find(prompt).orElseThrow(
					() -> new NotFoundException("prompt " + language + "/" + key + " has no operator's version"));
			repository.delete(prompt);
			store.forget();
			folder.delete(language, operator.audioFile());
			return new PromptView.Change(before, current(prompt).orElse(null));
		}));
	}

	/** Audited as subject {@code prompt} with id {@code <language>/<key>}, whether from the API or a page. */
	private PromptView.Change audited(Prompt prompt, String action, PromptView.Change change) {
		audit.record("prompt", prompt.language() + "/" + prompt.key(), action, change.before(), change.after());
		return change;
	}

	/**
	 * The WAV callers hear: the operator's audio, else the built-in prompt spoken as
	 * {@code ops/prompts.sh} speaks it.
	 */
	public byte[] audio(String language, String key) {
		Prompt prompt = checked(language, key, List.of());
		Optional<OperatorPrompt> operator = repository.find(prompt);
		if (operator.isPresent() && folder.readable(language, operator.get().audioFile())) {
			try {
				return Files.readAllBytes(folder.file(language, operator.get().audioFile()));
			}
			catch (IOException ex) {
				log.warn("Cannot read the audio of prompt {}/{}: {}", language, key, ex.toString());
			}
		}
		String text = catalogue.builtInText(prompt).orElseThrow(() -> operator.isPresent()
				? new NotFoundException("the audio file of prompt " + language + "/" + key + " is missing")
				: unknown(language, key));
		Path wav = folder.workFile(language, ".wav");
		try {
			tools.speak(language, text, wav);
			return Files.readAllBytes(wav);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			folder.delete(wav);
		}
	}

	private PromptView.Change generate(Prompt prompt, String text, String actor) {
		return locked(prompt, () -> {
			PromptView before = current(prompt).orElse(null);
			Path wav = folder.workFile(prompt.language(), ".wav");
			try {
				tools.speak(prompt.language(), text, wav);
				return new PromptView.Change(before, keep(prompt, text, AudioSource.GENERATED, wav, actor));
			}
			finally {
				folder.delete(wav);
			}
		});
	}

	/** Puts the audio in place, then points the prompt at it, then deletes the audio it replaced. */
	private PromptView keep(Prompt prompt, String text, AudioSource source, Path wav, String actor) {
		Optional<String> before = repository.find(prompt).map(OperatorPrompt::audioFile);
		String file = folder.keep(prompt, wav);
		OperatorPrompt changed = new OperatorPrompt(prompt, text, source, file, clock.instant(), actor);
		try {
			repository.save(changed);
		}
		catch (RuntimeException ex) {
			if (!before.equals(Optional.of(file))) {
				folder.delete(prompt.language(), file);
			}
			throw ex;
		}
		finally {
			store.forget();
		}
		before.filter(old -> !old.equals(file)).ifPresent(old -> folder.delete(prompt.language(), old));
		return view(prompt, Optional.of(changed));
	}

	private PromptView view(Prompt prompt, Optional<OperatorPrompt> operator) {
		boolean builtIn = catalogue.isBuiltIn(prompt);
		String plays = audio.fileFor(prompt);
		return operator
			.map(op -> new PromptView(prompt.language(), prompt.key(), op.text(), Source.OPERATOR, builtIn,
					folder.readable(prompt.language(), op.audioFile()) ? PromptView.Audio.PRESENT
							: PromptView.Audio.MISSING,
					op.source(), plays, op.updatedAt(), op.updatedBy()))
			.orElseGet(() -> new PromptView(prompt.language(), prompt.key(), catalogue.builtInText(prompt).orElse(""),
					Source.BUILT_IN, builtIn, PromptView.Audio.BUILT_IN, null, plays, null, null));
	}

	private <T> T locked(Prompt prompt, Supplier<T> work) {
		ReentrantLock lock = locks.computeIfAbsent(prompt, p -> new ReentrantLock());
		lock.lock();
		try {
			return work.get();
		}
		finally {
			lock.unlock();
		}
	}

	private static Prompt checked(String language, String key, List<FieldProblem> more) {
		List<FieldProblem> problems = new ArrayList<>();
		if (language == null || !PromptCatalogue.LANGUAGES.contains(language)) {
			problems.add(FieldProblem.of(ProblemCode.PROMPT_LANGUAGE_INVALID, "language",
					String.join(", ", PromptCatalogue.LANGUAGES), language));
		}
		if (key == null || !KEY.matcher(key).matches()) {
			problems.add(FieldProblem.of(ProblemCode.PROMPT_KEY_INVALID, "key"));
		}
		problems.addAll(more);
		if (!problems.isEmpty()) {
			throw new ChangeRefusedException(problems);
		}
		return new Prompt(language, key);
	}

	private static List<FieldProblem> textProblems(String text) {
		if (text == null || text.isBlank()) {
			return List.of(FieldProblem.of(ProblemCode.PROMPT_TEXT_REQUIRED, "text"));
		}
		String said = normalised(text);
		if (said.length() > MAX_TEXT) {
			return List.of(FieldProblem.of(ProblemCode.PROMPT_TEXT_TOO_LONG, "text", MAX_TEXT));
		}
		if (said.chars().anyMatch(Character::isISOControl)) {
			return List.of(FieldProblem.of(ProblemCode.PROMPT_TEXT_CONTROL_CHARACTERS, "text"));
		}
		return List.of();
	}

	/** Line breaks and runs of spaces pasted from elsewhere mean nothing to a caller: one line, as built-in texts are. */
	private static String normalised(String text) {
		return text.strip().replaceAll("\\s+", " ");
	}

	private static byte[] read(InputStream content, long max) {
		try (content) {
			return content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ChangeRefusedException invalid(FieldProblem problem) {
		return new ChangeRefusedException(List.of(problem));
	}

	private static NotFoundException unknown(String language, String key) {
		return new NotFoundException("prompt " + language + "/" + key + " does not exist");
	}

}
