package org.helpline.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * How the API answers a request without a valid login. A browser gets a bare 401: asked for
 * Basic credentials it would show its own login box and then send what was typed with every
 * later request to this host, from any site, until it closes, on a shared desk to the next
 * person too. Staff use the pages in a browser; other clients still get the Basic challenge.
 */
final class ApiLoginChallenge {

	private static final String REALM = "Realm";

	private ApiLoginChallenge() {
	}

	static AuthenticationEntryPoint entryPoint() {
		BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
		basic.setRealmName(REALM);
		return DelegatingAuthenticationEntryPoint.builder()
			.addEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), ApiLoginChallenge::isBrowser)
			.defaultEntryPoint(basic)
			.build();
	}

	/** Browsers send Fetch Metadata (over HTTPS and to localhost), and ask for HTML when they navigate. */
	private static boolean isBrowser(HttpServletRequest request) {
		if (request.getHeader("Sec-Fetch-Mode") != null) {
			return true;
		}
		String accept = request.getHeader("Accept");
		return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
	}

}
