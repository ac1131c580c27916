package org.helpline.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.helpline.counsellors.Counsellor;
import org.helpline.counsellors.CounsellorSettings;
import org.helpline.counsellors.CounsellorStatus;
import org.helpline.counsellors.Counsellors;
import org.helpline.counsellors.Presence;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' API for counsellors: who they are, how they are reached, what they take, and
 * their state (operators can sign in, pause, … any counsellor).
 */
@RestController
@RequestMapping("/api/counsellors")
class CounsellorController {

	private final Counsellors counsellors;

	private final Presence presence;

	CounsellorController(Counsellors counsellors, Presence presence) {
		this.counsellors = counsellors;
		this.presence = presence;
	}

	@GetMapping
	List<Counsellor> all() {
		return counsellors.all();
	}

	@GetMapping("/{id}")
	Counsellor one(@PathVariable long id) {
		return counsellors.get(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<Counsellor> create(@RequestBody CounsellorSettings settings) {
		Counsellor created = counsellors.create(Bodies.required(settings));
		return ResponseEntity.created(URI.create("/api/counsellors/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	Counsellor update(@PathVariable long id, @RequestBody CounsellorSettings settings) {
		CounsellorSettings body = Bodies.required(settings);
		counsellors.get(id);
		return counsellors.update(id, body);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	ResponseEntity<Void> delete(@PathVariable long id) {
		counsellors.delete(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/state")
	CounsellorStatus state(@PathVariable long id) {
		return presence.status(id);
	}

	@KeptWhileDatabaseAway
	@PostMapping("/{id}/sign-in")
	CounsellorStatus signIn(@PathVariable long id) {
		return presence.signIn(id);
	}

	@KeptWhileDatabaseAway
	@PostMapping("/{id}/sign-out")
	CounsellorStatus signOut(@PathVariable long id) {
		return presence.signOut(id);
	}

	@KeptWhileDatabaseAway
	@PostMapping("/{id}/pause")
	CounsellorStatus pause(@PathVariable long id, @RequestBody PauseRequest request) {
		return presence.pause(id, Bodies.required(request).reason());
	}

	@KeptWhileDatabaseAway
	@PostMapping("/{id}/resume")
	CounsellorStatus resume(@PathVariable long id) {
		return presence.resume(id);
	}

	@KeptWhileDatabaseAway
	@PostMapping("/{id}/wrap-up/end")
	CounsellorStatus endWrapUp(@PathVariable long id) {
		return presence.endWrapUp(id);
	}

	@KeptWhileDatabaseAway
	@PostMapping("/{id}/wrap-up/extend")
	CounsellorStatus extendWrapUp(@PathVariable long id, @RequestBody ExtendRequest request) {
		return presence.extendWrapUp(id, Bodies.required(request).duration());
	}

	record PauseRequest(String reason) {
	}

	/** @param seconds how much longer wrap-up may last */
	record ExtendRequest(@Nullable Integer seconds) {

		@Nullable Duration duration() {
			return seconds == null ? null : Duration.ofSeconds(seconds);
		}

	}

}
