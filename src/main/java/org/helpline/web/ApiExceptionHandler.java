package org.helpline.web;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.helpline.contact.ImportRejectedException;
import org.helpline.counsellors.ChangeKeptException;
import org.helpline.counsellors.StateConflictException;
import org.helpline.helplines.ChangeRefusedException;
import org.helpline.helplines.FieldProblem;
import org.helpline.helplines.NotFoundException;
import org.helpline.helplines.ProblemCode;
import org.helpline.prompts.AudioFailedException;
import org.helpline.security.LastAdminException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Turns refused requests into RFC 9457 problem details whose {@code errors} name each field
 * to fix, so an operator (or the page in front of them) can point at it.
 */
@RestControllerAdvice
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final ProblemTexts texts;

	ApiExceptionHandler(ProblemTexts texts) {
		this.texts = texts;
	}

	/** Every feature refuses a change with the fields to fix; the same texts as the pages, in English. */
	@ExceptionHandler
	ProblemDetail refused(ChangeRefusedException ex) {
		return badRequest("The change was refused; nothing was stored.", ex.problems());
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	/** espeak-ng or sox failed on the server: logged whole here, summed up for the operator. */
	@ExceptionHandler
	ProblemDetail audioFailed(AudioFailedException ex) {
		log.warn("Prompt audio could not be made: {}", ex.getMessage());
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The prompt's audio could not be made; nothing was changed. The service log says why.");
	}

	@ExceptionHandler
	ProblemDetail tooLarge(MaxUploadSizeExceededException ex) {
		return badRequest("The upload was refused; nothing was stored.",
				List.of(FieldProblem.of(ProblemCode.FORM_FILE_TOO_LARGE, "file")));
	}

	@ExceptionHandler
	ProblemDetail importTooLarge(ImportTooLargeException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"The import was refused; nothing was stored: " + texts.text(ex.problem(), Locale.ENGLISH));
	}

	@ExceptionHandler
	ProblemDetail missingPart(MissingServletRequestPartException ex) {
		return badRequest("A part of the upload is missing.",
				List.of(FieldProblem.of(ProblemCode.FORM_REQUIRED, ex.getRequestPartName())));
	}

	@ExceptionHandler
	ProblemDetail lastAdmin(LastAdminException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail conflict(StateConflictException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

	/** Accepted, not made yet: the counsellor's state is as before until the database is back. */
	@ExceptionHandler
	ProblemDetail kept(ChangeKeptException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.ACCEPTED, ex.getMessage());
	}

	/** Each error names the line (1 = header) and the column of a bad row. */
	@ExceptionHandler
	ProblemDetail rejectedImport(ImportRejectedException ex) {
		List<ImportError> errors = ex.problems()
			.stream()
			.map(p -> new ImportError(p.line(), p.field(), texts.text(p.problem(), Locale.ENGLISH), p.problem().code(),
					p.problem().args()))
			.toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The file was refused; "
				+ "nothing of it was stored. " + ex.total() + " problem(s), first: line " + errors.getFirst().line()
				+ " " + errors.getFirst().field() + ": " + errors.getFirst().message());
		problem.setProperty("errors", errors);
		problem.setProperty("total", ex.total());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		String field = ex.getCause() instanceof JacksonException json ? path(json) : "body";
		String reason = ex.getCause() instanceof JacksonException json ? json.getOriginalMessage()
				: "the request body is missing or is not JSON";
		return badRequest("The request body could not be read.", List.of(new FieldProblem(field, firstLine(reason))));
	}

	@ExceptionHandler
	ProblemDetail missingBody(Bodies.MissingBodyException ex) {
		return badRequest("The request body could not be read.", List.of(new FieldProblem("body", ex.getMessage())));
	}

	@ExceptionHandler
	ProblemDetail badParameter(BadParameterException ex) {
		return badRequest("A parameter is invalid.", List.of(ex.problem()));
	}

	@ExceptionHandler
	ProblemDetail missingParameter(MissingServletRequestParameterException ex) {
		return badRequest("A parameter is missing.",
				List.of(FieldProblem.of(ProblemCode.FORM_REQUIRED, ex.getParameterName())));
	}

	@ExceptionHandler
	ProblemDetail mismatch(MethodArgumentTypeMismatchException ex) {
		return badRequest("A parameter is invalid.",
				List.of(FieldProblem.of(ProblemCode.FORM_INVALID, ex.getName(), ex.getValue())));
	}

	@ExceptionHandler
	ProblemDetail conflict(DataIntegrityViolationException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The change conflicts with one made at the same time; reload and try again.");
	}

	private ProblemDetail badRequest(String detail, List<FieldProblem> problems) {
		List<Error> errors = problems.stream()
			.map(p -> new Error(p.field(), texts.text(p, Locale.ENGLISH), p.code(), p.args()))
			.toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				detail + " " + errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
		problem.setProperty("errors", errors);
		return problem;
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static String firstLine(String text) {
		return text == null ? "" : text.lines().findFirst().orElse("");
	}

	/** A field problem as the API answers it: its English text from the same bundle as the pages'. */
	record Error(String field, String message, @Nullable String code, List<String> args) {
	}

	/** A bad row of an import: its line (1 = header), column and text, as {@link Error} has them. */
	record ImportError(long line, String field, String message, @Nullable String code, List<String> args) {
	}

}
