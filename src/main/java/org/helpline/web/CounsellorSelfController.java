package org.helpline.web;

import java.security.Principal;

import org.helpline.counsellors.CounsellorStatus;
import org.helpline.counsellors.Presence;
import org.helpline.web.CounsellorController.ExtendRequest;
import org.helpline.web.CounsellorController.PauseRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A counsellor's own state, for the login linked to them (role COUNSELLOR). */
@RestController
@RequestMapping("/api/counsellor/me")
class CounsellorSelfController {

	private final Presence presence;

	CounsellorSelfController(Presence presence) {
		this.presence = presence;
	}

	@GetMapping
	CounsellorStatus state(Principal user) {
		return presence.status(me(user));
	}

	@KeptWhileDatabaseAway
	@PostMapping("/sign-in")
	CounsellorStatus signIn(Principal user) {
		return presence.signIn(me(user));
	}

	@KeptWhileDatabaseAway
	@PostMapping("/sign-out")
	CounsellorStatus signOut(Principal user) {
		return presence.signOut(me(user));
	}

	@KeptWhileDatabaseAway
	@PostMapping("/pause")
	CounsellorStatus pause(Principal user, @RequestBody PauseRequest request) {
		return presence.pause(me(user), Bodies.required(request).reason());
	}

	@KeptWhileDatabaseAway
	@PostMapping("/resume")
	CounsellorStatus resume(Principal user) {
		return presence.resume(me(user));
	}

	@KeptWhileDatabaseAway
	@PostMapping("/wrap-up/end")
	CounsellorStatus endWrapUp(Principal user) {
		return presence.endWrapUp(me(user));
	}

	@KeptWhileDatabaseAway
	@PostMapping("/wrap-up/extend")
	CounsellorStatus extendWrapUp(Principal user, @RequestBody ExtendRequest request) {
		return presence.extendWrapUp(me(user), Bodies.required(request).duration());
	}

	private long me(Principal user) {
		return presence.counsellorOfUser(user.getName());
	}

}
