package org.helpline.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.helpline.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * The OpenAPI document describes every API handler the application has, with its login and
 * its refusals, so an endpoint added later without a description fails here.
 */
@AutoConfigureMockMvc
class ApiDocumentationTest extends IntegrationTest {

	private static final String SCRAPER = "scraper-docs";

	private static final String PROBLEM_REF = "#/components/schemas/" + ApiDocumentation.PROBLEM;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlers;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcUserDetailsManager accounts;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	SessionRegistry sessions;

	@BeforeEach
	void staff() {
		ApiUsers.ensure(accounts, passwords);
	}

	@Test
	void everyApiHandlerIsInTheDocument() {
		JsonNode paths = document().get("paths");
		List<String> missing = new ArrayList<>();
		int checked = 0;
		for (Map.Entry<String, Endpoint> endpoint : apiEndpoints().entrySet()) {
			checked++;
			if (operation(paths, endpoint.getValue()) == null) {
				missing.add(endpoint.getKey());
			}
		}

		assertThat(missing).as("API handlers missing from /v3/api-docs").isEmpty();
		// Guards the walk itself: an empty enumeration must not pass.
		assertThat(checked).isGreaterThan(60);
	}

	@Test
	void everyOperationNeedsTheApisBasicLogin() {
		JsonNode document = document();
		JsonNode scheme = document.at("/components/securitySchemes/" + ApiDocumentation.BASIC);
		assertThat(scheme.path("type").asString()).isEqualTo("http");
		assertThat(scheme.path("scheme").asString()).isEqualTo("basic");
		assertThat(requirements(document.get("security"))).contains(ApiDocumentation.BASIC);

		List<String> open = new ArrayList<>();
		forEachApiOperation(document, (name, operation) -> {
			// An operation's own list replaces the document's; an empty one would mean no login.
			if (operation.has("security") && !requirements(operation.get("security")).contains(ApiDocumentation.BASIC)) {
				open.add(name);
			}
		});
		assertThat(open).isEmpty();
	}

	@Test
	void everyOperationDescribesItsRefusalsAsProblemDetails() {
		List<String> lacking = new ArrayList<>();
		forEachApiOperation(document(), (name, operation) -> {
			JsonNode responses = operation.get("responses");
			boolean parameters = operation.has("parameters") && !operation.get("parameters").isEmpty();
			boolean pathVariable = parameters && operation.get("parameters").valueStream()
				.anyMatch(parameter -> "path".equals(parameter.path("in").asString()));
			List<String> expected = new ArrayList<>(List.of("401", "403"));
			if (parameters || operation.has("requestBody")) {
				expected.add("400");
			}
			if (pathVariable) {
				expected.add("404");
			}
			if (!name.startsWith("GET ")) {
				expected.add("409");
			}
			for (String status : expected) {
				if (!isProblem(responses.get(status))) {
					lacking.add(name + " " + status);
				}
			}
		});
		assertThat(lacking).isEmpty();
	}

	@Test
	void aCounsellorsStateChangeDescribesTheAcceptedAnswerWhileTheDatabaseIsAway() {
		JsonNode paths = document().get("paths");
		List<String> lacking = new ArrayList<>();
		int marked = 0;
		for (Map.Entry<String, Endpoint> endpoint : apiEndpoints().entrySet()) {
			if (endpoint.getValue().handler().hasMethodAnnotation(KeptWhileDatabaseAway.class)) {
				marked++;
				JsonNode operation = operation(paths, endpoint.getValue());
				if (operation == null || !isProblem(operation.at("/responses/202"))) {
					lacking.add(endpoint.getKey());
				}
			}
		}
		assertThat(lacking).isEmpty();
		assertThat(marked).isEqualTo(12);
	}

	@Test
	void requestAndResponseBodiesHaveTheirSchemas() {
		JsonNode paths = document().get("paths");
		List<String> lacking = new ArrayList<>();
		for (Map.Entry<String, Endpoint> endpoint : apiEndpoints().entrySet()) {
			HandlerMethod handler = endpoint.getValue().handler();
			JsonNode operation = operation(paths, endpoint.getValue());
			if (operation == null) {
				continue; // everyApiHandlerIsInTheDocument says so
			}
			boolean takesBody = List.of(handler.getMethodParameters()).stream().anyMatch(ApiDocumentationTest::isBody);
			if (takesBody && !allHaveSchemas(operation.at("/requestBody/content"))) {
				lacking.add(endpoint.getKey() + " request body");
			}
			if (returnsBody(handler) && !allHaveSchemas(success(operation.get("responses")).path("content"))) {
				lacking.add(endpoint.getKey() + " response body");
			}
		}
		assertThat(lacking).isEmpty();
	}

	@Test
	void anyStaffRoleReadsTheDocument() {
		assertThat(mvc.get().uri("/v3/api-docs").with(ApiUsers.counsellor())).hasStatusOk();
		assertThat(mvc.get().uri("/v3/api-docs").with(ApiUsers.analyst())).hasStatusOk();
		assertThat(mvc.get().uri("/v3/api-docs.yaml").with(ApiUsers.counsellor())).hasStatusOk();

		MockHttpSession page = pageLogin();
		assertThat(mvc.get().uri("/v3/api-docs").session(page)).hasStatusOk();
		assertThat(mvc.get().uri("/swagger-ui.html").session(page)).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/swagger-ui/index.html");
		assertThat(mvc.get().uri("/swagger-ui/index.html").session(page)).hasStatusOk();
	}

	@Test
	void withoutALoginTheDocumentIsRefused() {
		assertThat(mvc.get().uri("/v3/api-docs")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
		assertThat(mvc.get().uri("/swagger-ui.html")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
		assertThat(mvc.get().uri("/swagger-ui/index.html")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
		assertThat(mvc.get().uri("/v3/api-docs").with(httpBasic("counsellor", "wrong")))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aPageSessionThatWasEndedReadsItNoLonger() {
		MockHttpSession page = pageLogin();
		assertThat(mvc.get().uri("/v3/api-docs").session(page)).hasStatusOk();

		// What revoking the account does (PageSessions); RevokedSessionTest covers the revoking.
		sessions.getSessionInformation(page.getId()).expireNow();

		assertThat(mvc.get().uri("/v3/api-docs").session(page)).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/login");
	}

	@Test
	void thePrometheusScrapersAccountMayNotReadIt() {
		accounts.createUser(User.withUsername(SCRAPER).password(passwords.encode(SCRAPER + "-pw")).roles("METRICS").build());
		try {
			assertThat(mvc.get().uri("/v3/api-docs").with(httpBasic(SCRAPER, SCRAPER + "-pw")))
				.hasStatus(HttpStatus.FORBIDDEN);
		}
		finally {
			accounts.deleteUser(SCRAPER);
		}
	}

	@Test
	void operationIdsAreUniqueNames() {
		List<String> ids = new ArrayList<>();
		forEachApiOperation(document(), (name, operation) -> ids.add(operation.path("operationId").asString()));
		assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z][A-Za-z]+"));
	}

	@Test
	void theDocumentDescribesTheApiOnly() {
		JsonNode document = document();
		assertThat(document.get("paths").propertyNames()).allMatch(path -> path.startsWith("/api/"));
		assertThat(document.at("/info/description").asString()).contains("caller's number");
	}

	private MockHttpSession pageLogin() {
		MvcTestResult login = mvc.post().uri("/login").param("username", "counsellor")
			.param("password", "counsellor-pw").with(csrf()).exchange();
		assertThat(login).hasRedirectedUrl("/");
		return (MockHttpSession) login.getRequest().getSession();
	}

	private JsonNode document() {
		MvcTestResult result = mvc.get().uri("/v3/api-docs").with(ApiUsers.operator()).exchange();
		assertThat(result).hasStatusOk();
		try {
			// Left for a reader of a failure (or of the API) in target/.
			Files.createDirectories(Path.of("target"));
			Files.writeString(Path.of("target/api-docs.json"), result.getResponse().getContentAsString());
			return json.readTree(result.getResponse().getContentAsString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Every HTTP method and pattern an {@code /api} handler answers, as Spring maps them. */
	private Map<String, Endpoint> apiEndpoints() {
		Map<String, Endpoint> endpoints = new java.util.TreeMap<>();
		handlers.getHandlerMethods().forEach((RequestMappingInfo mapping, HandlerMethod handler) -> {
			Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
			for (String pattern : mapping.getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				// A handler for every method is documented for each; none here should be one.
				assertThat(methods).as(pattern + " names its HTTP method").isNotEmpty();
				for (RequestMethod method : methods) {
					endpoints.put(method + " " + pattern, new Endpoint(method, pattern, handler));
				}
			}
		});
		return endpoints;
	}

	private static JsonNode operation(JsonNode paths, Endpoint endpoint) {
		JsonNode item = paths.get(endpoint.pattern());
		return item == null ? null : item.get(endpoint.method().name().toLowerCase(Locale.ROOT));
	}

	private static void forEachApiOperation(JsonNode document, java.util.function.BiConsumer<String, JsonNode> check) {
		int operations = 0;
		for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				if (Set.of("get", "put", "post", "delete", "patch").contains(operation.getKey())) {
					operations++;
					check.accept(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), operation.getValue());
				}
			}
		}
		assertThat(operations).isGreaterThan(60);
	}

	private static List<String> requirements(JsonNode security) {
		List<String> names = new ArrayList<>();
		if (security != null) {
			security.forEach(requirement -> names.addAll(requirement.propertyNames()));
		}
		return names;
	}

	private static boolean isProblem(JsonNode response) {
		return response != null && PROBLEM_REF
			.equals(response.at("/content/application~1problem+json/schema/$ref").asString(null));
	}

	private static boolean isBody(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(RequestBody.class)
				|| java.io.InputStream.class.equals(parameter.getParameterType());
	}

	private static boolean returnsBody(HandlerMethod handler) {
		Class<?> type = handler.getReturnType().getParameterType();
		if (type == void.class) {
			return false;
		}
		if (ResponseEntity.class.equals(type)) {
			return !handler.getReturnType().getGenericParameterType().getTypeName().endsWith("<java.lang.Void>");
		}
		return true;
	}

	private static JsonNode success(JsonNode responses) {
		for (String status : List.of("200", "201")) {
			if (responses.has(status)) {
				return responses.get(status);
			}
		}
		return MissingNode.getInstance();
	}

	private static boolean allHaveSchemas(JsonNode content) {
		if (content.isMissingNode() || content.isEmpty()) {
			return false;
		}
		return content.valueStream().allMatch(media -> media.has("schema") && !media.get("schema").isEmpty());
	}

	private record Endpoint(RequestMethod method, String pattern, HandlerMethod handler) {
	}

}
