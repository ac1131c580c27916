package org.helpline.web.page;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page, and "/" sending everybody to the page of their work. */
@Controller
class HomeController {

	@GetMapping("/login")
	String login() {
		return "login";
	}

	/** Someone with several roles starts at the first of counsellor, operator, analyst. */
	@GetMapping("/")
	String home(Authentication user) {
		if (PageModel.has(user, "ROLE_COUNSELLOR")) {
			return "redirect:/counsellor";
		}
		if (PageModel.has(user, "ROLE_OPERATOR") || PageModel.has(user, "ROLE_ADMIN")) {
			return "redirect:/operator";
		}
		if (PageModel.has(user, "ROLE_ANALYST")) {
			return "redirect:/analyst";
		}
		return "no-role";
	}

}
