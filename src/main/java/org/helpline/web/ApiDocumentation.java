package org.helpline.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): what
 * springdoc reads from the controllers, plus what it cannot see there, namely the HTTP Basic
 * login of the API's filter chain and the problem details that the exception handlers answer
 * with instead of the handler's own body. A handler that answers 201 or 204 through a
 * {@code ResponseEntity} says so with {@code @ResponseStatus} too, or the document would say 200.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String BASIC = "basic";

	static final String PROBLEM = "Problem";

	/** For a response one handler adds with {@code @ApiResponse}. */
	static final String PROBLEM_SCHEMA = "#/components/schemas/" + PROBLEM;

	private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	/** Why each refusal happens; 400, 404 and 409 only where the operation can cause them. */
	private static final Map<String, String> REFUSALS = Map.of(
			"400", "Refused: a parameter or the body is invalid; `errors` names each field to fix. Nothing was stored.",
			"401", "No valid login (HTTP Basic).",
			"403", "The login's role may not do this, or the request came from another website.",
			"404", "Nothing with that id (or name).",
			"409", "Conflicts with the current state or with a change made at the same time; reload and try again.");

	@Bean
	OpenAPI helplineApi() {
		return new OpenAPI()
			.info(new Info().title("Helpline API")
				.version("1")
				.description("""
						Configures and runs an anonymous helpline: helplines with their opening hours, \
						holidays, menus and prompts; counsellors, their state and routing; contact \
						records and the reports made from them; staff accounts and the audit trail. \
						For staff and the scripts they run, with a staff account's HTTP Basic login.

						Callers stay anonymous: no operation ever returns a caller's number, because \
						the service never stores one. A refused request is answered with an RFC 9457 \
						problem detail (`application/problem+json`)."""))
			.components(new Components()
				.addSecuritySchemes(BASIC,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("basic")
							.description("A staff account's username and password; the role decides what it may do."))
				.addSchemas(PROBLEM, problemSchema()))
			.addSecurityItem(new SecurityRequirement().addList(BASIC));
	}

	/** The refusals every API operation can answer with, as problem details. */
	@Bean
	OpenApiCustomizer problemResponses() {
		return api -> api.getPaths().forEach((path, item) -> {
			if (path.startsWith("/api/")) {
				item.readOperationsMap().forEach((method, operation) -> addRefusals(method, operation));
			}
		});
	}

	/** The 202 of a counsellor's state change kept while the database is away. */
	@Bean
	OperationCustomizer keptChanges() {
		return (operation, handler) -> {
			if (handler.hasMethodAnnotation(KeptWhileDatabaseAway.class)) {
				responses(operation).addApiResponse("202", problem(
						"The database is away: the change is kept and made, in the order asked, as soon as it is "
								+ "back (unless it no longer fits then). The state is as before until then."));
			}
			return operation;
		};
	}

	/**
	 * Operation ids a generated client can use as method names, e.g. {@code helplineOne} and
	 * {@code counsellorSelfPause}, instead of springdoc's {@code one_1}.
	 */
	@Bean
	OperationCustomizer operationIds() {
		return (operation, handler) -> {
			String owner = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
			String method = handler.getMethod().getName();
			return operation.operationId(Character.toLowerCase(owner.charAt(0)) + owner.substring(1)
					+ Character.toUpperCase(method.charAt(0)) + method.substring(1));
		};
	}

	private static void addRefusals(PathItem.HttpMethod method, Operation operation) {
		ApiResponses responses = responses(operation);
		boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
		boolean hasPathVariable = hasParameters
				&& operation.getParameters().stream().anyMatch(parameter -> "path".equals(parameter.getIn()));
		for (String status : List.of("400", "401", "403", "404", "409")) {
			boolean applies = switch (status) {
				case "400" -> hasParameters || operation.getRequestBody() != null;
				case "404" -> hasPathVariable;
				case "409" -> method != PathItem.HttpMethod.GET;
				default -> true;
			};
			if (applies && !responses.containsKey(status)) {
				responses.addApiResponse(status, problem(Objects.requireNonNull(REFUSALS.get(status), status)));
			}
		}
	}

	private static ApiResponses responses(Operation operation) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		return operation.getResponses();
	}

	static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM_JSON,
					new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA))));
	}

	/** Spring's {@code ProblemDetail} as the handlers fill it; {@code errors} and {@code total} only on a 400. */
	private static Schema<?> problemSchema() {
		Schema<?> fieldProblem = new ObjectSchema().description("One field to fix.")
			.addProperty("field", new StringSchema().description("The field, e.g. `openingHours[2].end`, or `body`."))
			.addProperty("message", new StringSchema().description("What is wrong with it, in English."))
			.addProperty("code", new StringSchema().description("The message's key for a translated text, or null."))
			.addProperty("args", new ArraySchema().items(new StringSchema()))
			.addProperty("line", new IntegerSchema().description("An import's line (1 = the header)."));
		return new ObjectSchema().description("RFC 9457 problem detail.")
			.addProperty("type", new StringSchema().format("uri").example("about:blank"))
			.addProperty("title", new StringSchema().example("Bad Request"))
			.addProperty("status", new IntegerSchema().example(400))
			.addProperty("detail", new StringSchema().description("What happened and whether anything was stored."))
			.addProperty("instance", new StringSchema().format("uri"))
			.addProperty("errors", new ArraySchema().items(fieldProblem))
			.addProperty("total", new IntegerSchema().description("An import's number of problems in all."));
	}

}
