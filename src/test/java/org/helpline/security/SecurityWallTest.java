package org.helpline.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.helpline.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Nothing answers without login but the login page and health; nobody reaches what their role
 * does not allow; page forms need the session's CSRF token. Walks every handler the
 * application has, so a page or API added later is covered without touching this test.
 */
@AutoConfigureMockMvc
class SecurityWallTest extends IntegrationTest {

	private static final Set<String> PUBLIC = Set.of("/login");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlers;

	@Autowired
	JdbcUserDetailsManager users;

	@Autowired
	PasswordEncoder passwords;

	TestAccounts accounts;

	@BeforeEach
	void staffAccounts() {
		accounts = new TestAccounts(users, passwords, jdbc);
		accounts.reset();
		jdbc.sql("delete from users where username in ('scraper-t', ?)").param(TestAccounts.METRICS).update();
	}

	@AfterEach
	void noMetricsAccountLeftForOtherTests() {
		jdbc.sql("delete from users where username in ('scraper-t', ?)").param(TestAccounts.METRICS).update();
	}

	@Test
	void everyHandlerRefusesARequestWithoutLogin() {
		List<String> open = new ArrayList<>();
		int checked = 0;
		for (RequestMappingInfo mapping : handlers.getHandlerMethods().keySet()) {
			for (String pattern : mapping.getPatternValues()) {
				String uri = example(pattern);
				if (PUBLIC.contains(uri)) {
					continue;
				}
				for (HttpMethod method : methods(mapping)) {
					checked++;
					String refusal = refusalWithoutLogin(method, uri);
					if (refusal != null) {
						open.add(method + " " + uri + " (" + pattern + "): " + refusal);
					}
				}
			}
		}

		assertThat(open).isEmpty();
		// Guards the walk itself: an empty or broken enumeration must not pass.
		assertThat(checked).isGreaterThan(40);
	}

	@Test
	void actuatorNeedsAnOperatorLoginExceptHealth() {
		assertThat(mvc.get().uri("/actuator/prometheus")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/actuator/metrics")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/actuator/prometheus").with(TestAccounts.basic(TestAccounts.COUNSELLOR)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/actuator/health")).hasStatusOk();
	}

	@Test
	void operatorsReadTheMetrics() {
		assertThat(mvc.get().uri("/actuator/prometheus").with(TestAccounts.basic(TestAccounts.OPERATOR))).hasStatusOk();
		assertThat(mvc.get().uri("/actuator/metrics").with(TestAccounts.basic(TestAccounts.OPERATOR))).hasStatusOk();
	}

	@Test
	void aMetricsAccountReadsThePrometheusMetricsAndHealthOnly() {
		accounts.create(TestAccounts.METRICS, "METRICS");

		assertThat(mvc.get().uri("/actuator/prometheus").with(TestAccounts.basic(TestAccounts.METRICS))).hasStatusOk();
		assertThat(mvc.get().uri("/actuator/health").with(TestAccounts.basic(TestAccounts.METRICS))).hasStatusOk();
		assertThat(mvc.get().uri("/actuator/metrics").with(TestAccounts.basic(TestAccounts.METRICS)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/actuator/info").with(TestAccounts.basic(TestAccounts.METRICS)))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void aMetricsAccountReachesNoApiAndNoPage() {
		accounts.create(TestAccounts.METRICS, "METRICS");
		MockHttpSession metrics = accounts.login(mvc, TestAccounts.METRICS);
		List<String> open = new ArrayList<>();
		for (RequestMappingInfo mapping : handlers.getHandlerMethods().keySet()) {
			for (String pattern : mapping.getPatternValues()) {
				String uri = example(pattern);
				if (PUBLIC.contains(uri)) {
					continue;
				}
				for (HttpMethod method : methods(mapping)) {
					MvcTestResult result = uri.startsWith("/api/")
							? mvc.method(method).uri(uri).with(TestAccounts.basic(TestAccounts.METRICS)).exchange()
							: mvc.method(method).uri(uri).session(metrics).with(csrf()).exchange();
					if (status(result) != 403) {
						open.add(method + " " + uri + ": status " + status(result));
					}
				}
			}
		}

		assertThat(open).isEmpty();
	}

	@Test
	void anAdministratorMakesAMetricsAccount() {
		assertThat(mvc.post().uri("/api/accounts").with(httpBasic("operator", "local-dev-only"))
			.contentType("application/json")
			.content("{\"username\": \"scraper-t\", \"password\": \"a-long-enough-password\", \"roles\": [\"METRICS\"]}"))
			.hasStatus(HttpStatus.CREATED);

		assertThat(mvc.get().uri("/actuator/prometheus").with(httpBasic("scraper-t", "a-long-enough-password")))
			.hasStatusOk();
	}

	@Test
	void theApiRefusesAWrongRole() {
		assertThat(mvc.get().uri("/api/helplines").with(TestAccounts.basic(TestAccounts.COUNSELLOR)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/counsellors").with(TestAccounts.basic(TestAccounts.ANALYST)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/accounts").with(TestAccounts.basic(TestAccounts.OPERATOR)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/audit").with(TestAccounts.basic(TestAccounts.OPERATOR)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/reports/2026").with(TestAccounts.basic(TestAccounts.COUNSELLOR)))
			.hasStatus(HttpStatus.FORBIDDEN);

		// The same requests with the right role pass the wall.
		assertThat(mvc.get().uri("/api/helplines").with(TestAccounts.basic(TestAccounts.OPERATOR))).hasStatusOk();
		assertThat(mvc.get().uri("/api/accounts").with(httpBasic("operator", "local-dev-only"))).hasStatusOk();
	}

	@Test
	void everyoneSignedInMayChangeTheirOwnPasswordOnly() {
		assertThat(mvc.post().uri("/api/account/password").with(TestAccounts.basic(TestAccounts.ANALYST))
			.contentType("application/json")
			.content("{\"currentPassword\": \"wrong\", \"newPassword\": \"x\"}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.post().uri("/api/accounts/analyst-t/password").with(TestAccounts.basic(TestAccounts.ANALYST))
			.contentType("application/json")
			.content("{\"password\": \"long-enough-password\"}")).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void pagesRefuseAWrongRole() {
		MockHttpSession counsellor = accounts.login(mvc, TestAccounts.COUNSELLOR);
		MockHttpSession analyst = accounts.login(mvc, TestAccounts.ANALYST);
		MockHttpSession operator = accounts.login(mvc, TestAccounts.OPERATOR);

		assertThat(mvc.get().uri("/operator/board").session(counsellor)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/admin/accounts").session(counsellor)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/counsellor/home").session(analyst)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/operator/board").session(analyst)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/admin/accounts").session(operator)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/analyst/reports").session(operator)).hasStatus(HttpStatus.FORBIDDEN);

		// Past the wall; whether a page is there is not this test's business.
		assertThat(status(mvc.get().uri("/counsellor/home").session(counsellor).exchange())).isNotEqualTo(403);
		assertThat(status(mvc.get().uri("/operator/board").session(operator).exchange())).isNotEqualTo(403);
		assertThat(status(mvc.get().uri("/analyst/reports").session(analyst).exchange())).isNotEqualTo(403);
		assertThat(status(mvc.get().uri("/").session(counsellor).exchange())).isNotEqualTo(403);
	}

	@Test
	void anAdminReachesTheOperatorAndAnalystPagesToo() {
		MockHttpSession admin = accounts.login(mvc, "operator", "local-dev-only");

		assertThat(status(mvc.get().uri("/admin/accounts").session(admin).exchange())).isNotEqualTo(403);
		assertThat(status(mvc.get().uri("/operator/board").session(admin).exchange())).isNotEqualTo(403);
		assertThat(status(mvc.get().uri("/analyst/reports").session(admin).exchange())).isNotEqualTo(403);
	}

	@Test
	void aPageFormWithoutTheSessionsCsrfTokenIsRefused() {
		MockHttpSession counsellor = accounts.login(mvc, TestAccounts.COUNSELLOR);

		assertThat(mvc.post().uri("/counsellor/pause").session(counsellor)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(status(mvc.post().uri("/counsellor/pause").session(counsellor).with(csrf()).exchange()))
			.isNotEqualTo(403);

		assertThat(mvc.post().uri("/logout").session(counsellor)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(status(mvc.get().uri("/counsellor/home").session(counsellor).exchange())).isNotEqualTo(302);

		assertThat(mvc.post().uri("/logout").session(counsellor).with(csrf())).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/login?logout");
		assertThat(mvc.get().uri("/counsellor/home").session(counsellor)).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/login");
	}

	@Test
	void loggingInGivesANewSessionId() {
		MockHttpSession before = new MockHttpSession();
		String anonymousId = before.getId();

		MvcTestResult login = mvc.post().uri("/login").session(before)
			.param("username", TestAccounts.COUNSELLOR)
			.param("password", TestAccounts.PASSWORD)
			.with(csrf())
			.exchange();

		assertThat(login).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/");
		assertThat(login.getRequest().getSession().getId()).isNotEqualTo(anonymousId);
	}

	/** Why the request got through, or null when it was refused as it should be. */
	private String refusalWithoutLogin(HttpMethod method, String uri) {
		if (uri.startsWith("/api/")) {
			MvcTestResult result = mvc.method(method).uri(uri).exchange();
			return result.getResponse().getStatus() == 401 ? null : "status " + result.getResponse().getStatus();
		}
		// With a CSRF token, so that it is the login that is missing, not the token.
		MvcTestResult result = mvc.method(method).uri(uri).with(csrf()).exchange();
		String location = result.getResponse().getRedirectedUrl();
		return result.getResponse().getStatus() == 302 && "/login".equals(location) ? null
				: "status " + result.getResponse().getStatus() + ", location " + location;
	}

	private static List<HttpMethod> methods(RequestMappingInfo mapping) {
		Set<RequestMethod> declared = mapping.getMethodsCondition().getMethods();
		return declared.isEmpty() ? List.of(HttpMethod.GET, HttpMethod.POST)
				: declared.stream().map(m -> HttpMethod.valueOf(m.name())).toList();
	}

	/** A URI the pattern matches: every variable 1, every wildcard x. */
	private static String example(String pattern) {
		return pattern.replaceAll("\\{[^/]*\\}", "1").replace("**", "x").replace("*", "x");
	}

	private static int status(MvcTestResult result) {
		return result.getResponse().getStatus();
	}

}
