package org.helpline.security;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API has no CSRF token (it keeps no session), but a browser that once signed in with
 * Basic remembers the login and sends it with any form another website posts. So a request
 * that changes something is refused when the browser says it comes from another site
 * ({@code Sec-Fetch-Site}, or else an {@code Origin} that is not ours), and the API does not
 * take the content types a plain HTML form can send without a script (a form's encodings,
 * and {@code text/plain}), except a recording's upload, which the site check alone guards.
 * Scripts, curl and Prometheus send neither header and pass.
 */
class CrossSiteApiRequests extends OncePerRequestFilter {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private static final Set<String> OUR_SITE = Set.of("same-origin", "none");

	private static final Set<String> FORM_TYPES = Set.of(MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.TEXT_PLAIN_VALUE);

	/** The prompt recording upload: multipart by nature. */
	private static final String UPLOAD = "^/api/prompts/[^/]+/[^/]+/audio$";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (SAFE_METHODS.contains(request.getMethod())) {
			chain.doFilter(request, response);
		}
		else if (fromAnotherSite(request)) {
			refuse(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
					"a request from another website may not change anything");
		}
		else if (isFormContent(request) && !request.getRequestURI().matches(UPLOAD)) {
			refuse(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
					"the API takes JSON (or text/csv for an import), not form content");
		}
		else {
			chain.doFilter(request, response);
		}
	}

	private static boolean fromAnotherSite(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null) {
			return !OUR_SITE.contains(site.toLowerCase(Locale.ROOT));
		}
		String origin = request.getHeader("Origin");
		return origin != null && !sameOrigin(origin, request);
	}

	private static boolean sameOrigin(String origin, HttpServletRequest request) {
		try {
			URI uri = URI.create(origin);
			int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
			return request.getScheme().equalsIgnoreCase(uri.getScheme())
					&& request.getServerName().equalsIgnoreCase(uri.getHost()) && request.getServerPort() == port;
		}
		catch (IllegalArgumentException ex) {
			return false; // "null" (a sandboxed frame, a file) or garbage: not us
		}
	}

	private static boolean isFormContent(HttpServletRequest request) {
		String type = request.getContentType();
		if (type == null) {
			return false;
		}
		try {
			MediaType media = MediaType.parseMediaType(type);
			return FORM_TYPES.contains(media.getType() + "/" + media.getSubtype());
		}
		catch (IllegalArgumentException ex) {
			return true; // unparseable: certainly not JSON
		}
	}

	private static void refuse(HttpServletResponse response, int status, String title, String detail)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail + "\"}");
	}

}
