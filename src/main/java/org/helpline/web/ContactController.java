package org.helpline.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.helpline.contact.ContactImport;
import org.helpline.contact.ContactOption;
import org.helpline.contact.ContactOption.Kind;
import org.helpline.contact.ContactOptions;
import org.helpline.contact.ContactRecords;
import org.helpline.contact.ContactView;
import org.helpline.contact.RegisteredContact;
import org.helpline.contact.WrapUp;
import org.helpline.counsellors.Presence;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Counsellors' API for contacts: the wrap-up after a call, e-mails and chats, the lists to
 * choose from; each counsellor their own contacts. Changing those lists and importing history
 * is for operators.
 */
@RestController
@RequestMapping("/api/contacts")
class ContactController {

	private static final String OPERATORS = "hasAnyRole('OPERATOR', 'ADMIN')";

	private static final Set<String> OPERATOR_ROLES = Set.of("ROLE_OPERATOR", "ROLE_ADMIN");

	private final ContactRecords records;

	private final ContactOptions options;

	private final ContactImport imports;

	private final Presence presence;

	private final ImportProperties importProperties;

	ContactController(ContactRecords records, ContactOptions options, ContactImport imports, Presence presence,
			ImportProperties importProperties) {
		this.records = records;
		this.importProperties = importProperties;
		this.presence = presence;
		this.options = options;
		this.imports = imports;
	}

	@GetMapping("/{id}")
	ContactView one(@PathVariable long id, Authentication user) {
		return own(records.get(id), user);
	}

	@PutMapping("/{id}/wrap-up")
	ContactView wrapUp(@PathVariable long id, @RequestBody WrapUp wrapUp, Authentication user) {
		own(records.get(id), user);
		return records.wrapUp(id, Bodies.required(wrapUp));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<ContactView> register(@RequestBody RegisteredContact contact, Authentication user) {
		ContactView registered = records.register(Bodies.required(contact),
				presence.linkedCounsellor(user.getName()).orElse(null));
		return ResponseEntity.created(URI.create("/api/contacts/" + registered.id())).body(registered);
	}

	@GetMapping("/topics")
	List<ContactOption> topics() {
		return options.list(Kind.TOPIC);
	}

	@PutMapping("/topics/{code}")
	@PreAuthorize(OPERATORS)
	ContactOption saveTopic(@PathVariable String code, @RequestBody ContactOption.Settings settings) {
		return saveOption(Kind.TOPIC, code, Bodies.required(settings));
	}

	@GetMapping("/referrals")
	List<ContactOption> referrals() {
		return options.list(Kind.REFERRAL);
	}

	@PutMapping("/referrals/{code}")
	@PreAuthorize(OPERATORS)
	ContactOption saveReferral(@PathVariable String code, @RequestBody ContactOption.Settings settings) {
		return saveOption(Kind.REFERRAL, code, Bodies.required(settings));
	}

	/**
	 * Operators and administrators open every contact; a counsellor only the calls they took
	 * and the contacts they registered, so a login cannot page through other people's calls.
	 */
	private ContactView own(ContactView contact, Authentication user) {
		if (user.getAuthorities().stream().anyMatch(a -> OPERATOR_ROLES.contains(a.getAuthority()))) {
			return contact;
		}
		Optional<Long> me = presence.linkedCounsellor(user.getName());
		if (me.isEmpty() || !me.get().equals(contact.counsellorId())) {
			throw new AccessDeniedException("contact " + contact.id() + " was not taken by this counsellor");
		}
		return contact;
	}

	private ContactOption saveOption(Kind kind, String code, ContactOption.Settings settings) {
		return options.save(kind, code, settings);
	}

	/**
	 * A CSV file of earlier years' contact moments; all rows or none are stored. Read up to the
	 * size limit only, so a huge body cannot fill the memory.
	 */
	@PostMapping(path = "/import", consumes = "text/csv")
	@Operation(requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "The CSV file, header first.",
			content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
	// Named, or the 413 below would be the only answer springdoc lists.
	@ApiResponse(responseCode = "200", description = "Every row stored, or with dryRun what would be stored.",
			useReturnTypeSchema = true)
	@ApiResponse(responseCode = "413", description = "The file is larger than helpline.import.max-size; nothing was stored.",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = ApiDocumentation.PROBLEM_SCHEMA)))
	@PreAuthorize(OPERATORS)
	ContactImport.Result importCsv(@RequestParam long helpline,
			@Parameter(description = "Check the file and say what it would add; store nothing.")
			@RequestParam(defaultValue = "false") boolean dryRun, InputStream body, HttpServletRequest request)
			throws IOException {
		long max = importProperties.maxSize().toBytes();
		if (request.getContentLengthLong() > max) {
			throw new ImportTooLargeException(max);
		}
		byte[] csv = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
		if (csv.length > max) {
			throw new ImportTooLargeException(max);
		}
		String text = new String(csv, StandardCharsets.UTF_8);
		return dryRun ? imports.preview(helpline, text) : imports.importCsv(helpline, text);
	}

}
