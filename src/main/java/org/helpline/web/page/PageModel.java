package org.helpline.web.page;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What every page's header needs: who is signed in, what they may open, the language links. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

	@ModelAttribute("page")
	Page page(HttpServletRequest request, Authentication authentication) {
		String language = LocaleContextHolder.getLocale().getLanguage().equals("en") ? "en" : "nl";
		// A page shown after a refused form has no GET of its own address: switch on the home page.
		String base = "GET".equals(request.getMethod()) ? request.getRequestURI()
				+ (request.getQueryString() == null ? "" : "?" + request.getQueryString()) : "/";
		return new Page(authentication == null ? null : authentication.getName(), language,
				has(authentication, "ROLE_COUNSELLOR"), has(authentication, "ROLE_OPERATOR") || has(authentication,
						"ROLE_ADMIN"), has(authentication, "ROLE_ANALYST") || has(authentication, "ROLE_ADMIN"),
				has(authentication, "ROLE_ADMIN"), link(base, "nl"), link(base, "en"));
	}

	static boolean has(Authentication authentication, String role) {
		return authentication != null
				&& authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(role::equals);
	}

	private static String link(String base, String language) {
		return UriComponentsBuilder.fromUriString(base).replaceQueryParam("lang", language).build().toUriString();
	}

	/** @param user null on the login page */
	record Page(@Nullable String user, String language, boolean counsellor, boolean operator, boolean analyst,
			boolean admin, String dutch, String english) {

		Locale locale() {
			return Locale.of(language);
		}

	}

}
