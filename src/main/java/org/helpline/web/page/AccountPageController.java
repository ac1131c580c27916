package org.helpline.web.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.helpline.counsellors.Counsellor;
import org.helpline.counsellors.Counsellors;
import org.helpline.helplines.ChangeRefusedException;
import org.helpline.helplines.FieldProblem;
import org.helpline.helplines.ProblemCode;
import org.helpline.security.Account;
import org.helpline.security.Accounts;
import org.helpline.security.LastAdminException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.helpline.web.page.OperatorHelplinesController.refused;

/**
 * Administrators' pages for staff accounts. Every change is audited as the account API
 * audits it; a password never travels back to the page, not even in a refused form.
 */
@Controller
@RequestMapping("/admin/accounts")
class AccountPageController {

	private static final String LIST = "/admin/accounts";

	private final Accounts accounts;

	private final Counsellors counsellors;

	AccountPageController(Accounts accounts, Counsellors counsellors) {
		this.accounts = accounts;
		this.counsellors = counsellors;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("accounts", accounts.all());
		if (!model.containsAttribute("newAccount")) {
			model.addAttribute("newAccount", NewAccountForm.EMPTY);
		}
		defaults(model);
		return "admin/accounts";
	}

	@GetMapping("/{username}")
	String edit(@PathVariable String username, Model model) {
		Account account = accounts.get(username);
		model.addAttribute("account", account);
		if (!model.containsAttribute("accountForm")) {
			model.addAttribute("accountForm", AccountForm.of(account));
		}
		defaults(model);
		return "admin/account";
	}

	@PostMapping
	String create(NewAccountForm form, BindingResult binding, RedirectAttributes redirect) {
		List<FieldProblem> problems = new ArrayList<>(Forms.unconverted(binding));
		if (problems.isEmpty()) {
			try {
				accounts.create(Objects.toString(form.username(), "").strip(), form.password(), form.roles(),
						form.counsellorId());
				redirect.addFlashAttribute("notice", "admin.account.created");
				return "redirect:" + LIST;
			}
			catch (ChangeRefusedException ex) {
				problems.addAll(ex.problems());
			}
		}
		return refused(redirect, "newAccount", problems, form.withoutPassword(), LIST + "#new");
	}

	@PostMapping("/{username}")
	String update(@PathVariable String username, AccountForm form, BindingResult binding,
			RedirectAttributes redirect) {
		accounts.get(username);
		List<FieldProblem> problems = new ArrayList<>(Forms.unconverted(binding));
		if (problems.isEmpty()) {
			try {
				accounts.update(username, form.roles(), form.enabled() != null, form.counsellorId());
				redirect.addFlashAttribute("notice", "operator.saved");
				return "redirect:" + page(username);
			}
			catch (ChangeRefusedException ex) {
				problems.addAll(ex.problems());
			}
			catch (LastAdminException ex) {
				problems.add(FieldProblem.of(ProblemCode.ACCOUNT_LAST_ADMIN, "account", username));
			}
		}
		return refused(redirect, "accountForm", problems, form, page(username));
	}

	@PostMapping("/{username}/password")
	String resetPassword(@PathVariable String username, @RequestParam(required = false) String password,
			RedirectAttributes redirect) {
		try {
			accounts.resetPassword(username, password);
		}
		catch (ChangeRefusedException ex) {
			redirect.addFlashAttribute("problems", new FormProblems("reset", ex.problems()));
			return "redirect:" + page(username) + "#reset";
		}
		redirect.addFlashAttribute("notice", "admin.account.passwordReset");
		return "redirect:" + page(username);
	}

	@PostMapping("/{username}/unlock")
	String unlock(@PathVariable String username, RedirectAttributes redirect) {
		accounts.unlock(username);
		redirect.addFlashAttribute("notice", "admin.account.unlocked");
		return "redirect:" + page(username);
	}

	/** Only with the box ticked: a removed account cannot be brought back. */
	@PostMapping("/{username}/delete")
	String delete(@PathVariable String username, @RequestParam(required = false) String confirm,
			RedirectAttributes redirect) {
		accounts.get(username);
		List<FieldProblem> problems = new ArrayList<>();
		if (confirm == null) {
			problems.add(FieldProblem.of(ProblemCode.ACCOUNT_CONFIRM_REMOVAL, "confirm"));
		}
		else {
			try {
				accounts.delete(username);
				redirect.addFlashAttribute("notice", "operator.removed");
				return "redirect:" + LIST;
			}
			catch (LastAdminException ex) {
				problems.add(FieldProblem.of(ProblemCode.ACCOUNT_LAST_ADMIN, "account", username));
			}
		}
		redirect.addFlashAttribute("problems", new FormProblems("delete", problems));
		return "redirect:" + page(username) + "#delete";
	}

	private void defaults(Model model) {
		model.addAttribute("roles", Accounts.ROLES);
		List<Counsellor> all = counsellors.all();
		model.addAttribute("counsellors", all);
		model.addAttribute("counsellorNames",
				all.stream().collect(Collectors.toMap(Counsellor::id, Counsellor::displayName)));
		if (!model.containsAttribute("problems")) {
			model.addAttribute("problems", FormProblems.NONE);
		}
	}

	private static String page(String username) {
		return LIST + "/" + username;
	}

	/** @param counsellorId a counsellor's id, or null for none (the select's empty choice) */
	record NewAccountForm(String username, String password, List<String> roles, @Nullable Long counsellorId) {

		static final NewAccountForm EMPTY = new NewAccountForm("", "", List.of(), null);

		NewAccountForm {
			roles = roles == null ? List.of() : List.copyOf(roles);
		}

		NewAccountForm withoutPassword() {
			return new NewAccountForm(username, "", roles, counsellorId);
		}

	}

	/** @param enabled the checkbox: present when ticked, null when not */
	record AccountForm(List<String> roles, @Nullable String enabled, @Nullable Long counsellorId) {

		AccountForm {
			roles = roles == null ? List.of() : List.copyOf(roles);
		}

		static AccountForm of(Account account) {
			return new AccountForm(account.roles(), account.enabled() ? "on" : null, account.counsellorId());
		}

	}

}
