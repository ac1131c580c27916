package org.helpline.security;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps other sites from changing anything through the API with a browser's remembered Basic
 * login. A change a browser sends for another site says so (Fetch Metadata, or else an
 * {@code Origin} that is not ours) and is refused; a request with neither header is not a
 * browser's (curl, scripts, Prometheus) and passes. The content types a plain HTML form can
 * send without asking are refused too, except where the API really takes a form upload.
 */
final class CrossSiteRequests extends OncePerRequestFilter {

	private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

	/** Fetch Metadata values of a request another site's page made the browser send. */
	private static final Set<String> OTHER_SITES = Set.of("cross-site", "same-site");

	/** What a form of another site sends without a CORS preflight. */
	private static final List<MediaType> FORM_TYPES = List.of(MediaType.APPLICATION_FORM_URLENCODED,
			MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN);

	/** A prompt recording is a file upload; only the check of the site protects it. */
	private static final RequestMatcher FORM_UPLOADS = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, "/api/prompts/*/*/audio");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!CHANGES.contains(request.getMethod())) {
			chain.doFilter(request, response);
		}
		else if (fromAnotherSite(request)) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
		}
		else if (isForm(request.getContentType()) && !FORM_UPLOADS.matches(request)) {
			response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
		}
		else {
			chain.doFilter(request, response);
		}
	}

	private static boolean fromAnotherSite(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null) {
			return OTHER_SITES.contains(site);
		}
		try {
			// True when an Origin is there and differs from this request's scheme, host or port.
			return CorsUtils.isCorsRequest(request);
		}
		catch (IllegalArgumentException unreadableOrigin) {
			return true;
		}
	}

	private static boolean isForm(String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return FORM_TYPES.stream().anyMatch(type::equalsTypeAndSubtype);
		}
		catch (InvalidMediaTypeException unreadable) {
			return true;
		}
	}

}
