package org.helpline.web.page;

import java.security.Principal;
import java.util.List;
import java.util.Objects;

import org.helpline.helplines.ChangeRefusedException;
import org.helpline.helplines.FieldProblem;
import org.helpline.helplines.ProblemCode;
import org.helpline.security.Accounts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Anyone signed in changes their own password, knowing the current one: the rules of
 * {@code POST /api/account/password}, audited the same way.
 */
@Controller
@RequestMapping("/account/password")
class OwnPasswordController {

	private final Accounts accounts;

	OwnPasswordController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	String form(Model model) {
		if (!model.containsAttribute("problems")) {
			model.addAttribute("problems", FormProblems.NONE);
		}
		return "account/password";
	}

	/** A typo in the repeat is caught before the current password is tried, so it costs no login attempt. */
	@PostMapping
	String change(Principal user, PasswordForm form, RedirectAttributes redirect) {
		if (!Objects.equals(form.newPassword(), form.repeat())) {
			return refused(redirect, List.of(FieldProblem.of(ProblemCode.ACCOUNT_REPEAT_DIFFERS, "repeat")));
		}
		try {
			accounts.changeOwnPassword(user.getName(), form.currentPassword(), form.newPassword());
		}
		catch (ChangeRefusedException ex) {
			return refused(redirect, ex.problems());
		}
		redirect.addFlashAttribute("notice", "account.password.changed");
		return "redirect:/account/password";
	}

	private static String refused(RedirectAttributes redirect, List<FieldProblem> problems) {
		redirect.addFlashAttribute("problems", new FormProblems("password", problems));
		return "redirect:/account/password";
	}

	record PasswordForm(String currentPassword, String newPassword, String repeat) {
	}

}
