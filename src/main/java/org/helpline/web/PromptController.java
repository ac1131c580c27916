package org.helpline.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.List;
import java.util.Objects;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.helpline.prompts.PromptView;
import org.helpline.prompts.Prompts;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Operators' API for voice prompts: texts and audio, changed while the service runs. */
@RestController
@RequestMapping("/api/prompts")
class PromptController {

	static final MediaType WAV = MediaType.parseMediaType("audio/wav");

	private final Prompts prompts;

	PromptController(Prompts prompts) {
		this.prompts = prompts;
	}

	record TextBody(String text) {
	}

	@GetMapping
	List<PromptView.Entry> all() {
		return prompts.all();
	}

	@GetMapping("/{language}/{key}")
	PromptView one(@PathVariable String language, @PathVariable String key) {
		return prompts.get(language, key);
	}

	@PutMapping("/{language}/{key}")
	PromptView setText(@PathVariable String language, @PathVariable String key, @RequestBody TextBody body,
			Principal principal) {
		return stored(prompts.setText(language, key, Bodies.required(body).text(), principal.getName()));
	}

	/** @param text what the recording says; absent: the prompt keeps its text */
	@PostMapping(path = "/{language}/{key}/audio", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	PromptView upload(@PathVariable String language, @PathVariable String key, @RequestPart MultipartFile file,
			@RequestParam(required = false) String text, Principal principal) {
		try {
			return stored(prompts.upload(language, key, file.getInputStream(), text, principal.getName()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@PostMapping("/{language}/{key}/regenerate")
	PromptView regenerate(@PathVariable String language, @PathVariable String key, Principal principal) {
		return stored(prompts.regenerate(language, key, principal.getName()));
	}

	@DeleteMapping("/{language}/{key}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	ResponseEntity<Void> delete(@PathVariable String language, @PathVariable String key) {
		prompts.delete(language, key);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{language}/{key}/audio")
	@ApiResponse(responseCode = "200", description = "The recording or the generated speech, as played to callers.",
			content = @Content(mediaType = "audio/wav", schema = @Schema(type = "string", format = "binary")))
	ResponseEntity<byte[]> audio(@PathVariable String language, @PathVariable String key) {
		return ResponseEntity.ok().contentType(WAV).body(prompts.audio(language, key));
	}

	/** Only a deletion leaves no prompt behind. */
	private static PromptView stored(PromptView.Change change) {
		return Objects.requireNonNull(change.after(), "prompt after a change");
	}

}
