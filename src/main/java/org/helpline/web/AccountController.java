package org.helpline.web;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.helpline.security.Account;
import org.helpline.security.Accounts;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators' API for staff accounts ({@code /api/accounts}, role ADMIN), and everyone's
 * own password ({@code /api/account/password}). Every change is audited; passwords and
 * their hashes never are.
 */
@RestController
class AccountController {

	private final Accounts accounts;

	AccountController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/api/accounts")
	List<Account> all() {
		return accounts.all();
	}

	@GetMapping("/api/accounts/{username}")
	Account one(@PathVariable String username) {
		return accounts.get(username);
	}

	@PostMapping("/api/accounts")
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<Account> create(@RequestBody NewAccount body) {
		NewAccount account = Bodies.required(body);
		Account created = accounts.create(account.username(), account.password(), account.roles(),
				account.counsellorId());
		return ResponseEntity.created(URI.create("/api/accounts/" + created.username())).body(created);
	}

	@PutMapping("/api/accounts/{username}")
	Account update(@PathVariable String username, @RequestBody AccountChange body) {
		AccountChange change = Bodies.required(body);
		return accounts.update(username, change.roles(), change.enabled(), change.counsellorId());
	}

	@PostMapping("/api/accounts/{username}/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	ResponseEntity<Void> resetPassword(@PathVariable String username, @RequestBody NewPassword body) {
		accounts.resetPassword(username, Bodies.required(body).password());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/accounts/{username}/unlock")
	Account unlock(@PathVariable String username) {
		accounts.unlock(username);
		return accounts.get(username);
	}

	@DeleteMapping("/api/accounts/{username}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	ResponseEntity<Void> delete(@PathVariable String username) {
		accounts.delete(username);
		return ResponseEntity.noContent().build();
	}

	/** Anyone signed in changes their own password, knowing the current one. */
	@PostMapping("/api/account/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	ResponseEntity<Void> changeOwnPassword(Principal user, @RequestBody PasswordChange body) {
		PasswordChange change = Bodies.required(body);
		accounts.changeOwnPassword(user.getName(), change.currentPassword(), change.newPassword());
		return ResponseEntity.noContent().build();
	}

	/** @param counsellorId the counsellor the account acts as; may be null */
	record NewAccount(String username, String password, List<String> roles, Long counsellorId) {
	}

	record AccountChange(List<String> roles, Boolean enabled, Long counsellorId) {
	}

	record NewPassword(String password) {
	}

	record PasswordChange(String currentPassword, String newPassword) {
	}

}
