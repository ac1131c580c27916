package org.helpline.web;

import java.util.List;
import java.util.stream.Collectors;

import org.helpline.contact.ImportRejectedException;
import org.helpline.contact.InvalidContactException;
import org.helpline.contact.UnknownContactException;
import org.helpline.helplines.FieldProblem;
import org.helpline.helplines.InvalidHelplineException;
import org.helpline.helplines.UnknownHelplineException;
import org.helpline.menu.InvalidMenuException;
import org.helpline.menu.UnknownMenuVersionException;
import org.helpline.prompts.AudioFailedException;
import org.helpline.prompts.InvalidPromptException;
import org.helpline.prompts.UnknownPromptException;
import org.helpline.security.InvalidAccountException;
import org.helpline.security.LastAdminException;
import org.helpline.security.UnknownAccountException;
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

	@ExceptionHandler
	ProblemDetail invalid(InvalidHelplineException ex) {
		return badRequest("The change was refused; nothing was stored.", ex.problems());
	}

	@ExceptionHandler
	ProblemDetail unknown(UnknownHelplineException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidMenu(InvalidMenuException ex) {
		return badRequest("The menu was refused; the one in force stays.", ex.problems());
	}

	@ExceptionHandler
	ProblemDetail unknownMenuVersion(UnknownMenuVersionException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidContact(InvalidContactException ex) {
		return badRequest("The contact was refused; nothing was stored.", ex.problems());
	}

	@ExceptionHandler
	ProblemDetail unknownContact(UnknownContactException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidPrompt(InvalidPromptException ex) {
		return badRequest("The prompt change was refused; nothing was stored.", ex.problems());
	}

	@ExceptionHandler
	ProblemDetail unknownPrompt(UnknownPromptException ex) {
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
				List.of(new FieldProblem("file", "the file is too large")));
	}

	@ExceptionHandler
	ProblemDetail importTooLarge(ImportTooLargeException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"The import was refused; nothing was stored: " + ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail missingPart(MissingServletRequestPartException ex) {
		return badRequest("A part of the upload is missing.",
				List.of(new FieldProblem(ex.getRequestPartName(), "is required")));
	}

	@ExceptionHandler
	ProblemDetail invalidAccount(InvalidAccountException ex) {
		return badRequest("The change was refused; nothing was stored.", ex.problems());
	}

	@ExceptionHandler
	ProblemDetail unknownAccount(UnknownAccountException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail lastAdmin(LastAdminException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

	/** Each error names the line (1 = header) and the column of a bad row. */
	@ExceptionHandler
	ProblemDetail rejectedImport(ImportRejectedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The file was refused; "
				+ "nothing of it was stored. " + ex.total() + " problem(s), first: line " + ex.problems().getFirst().line()
				+ " " + ex.problems().getFirst().field() + ": " + ex.problems().getFirst().message());
		problem.setProperty("errors", ex.problems());
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
		return badRequest("A parameter is invalid.", List.of(new FieldProblem(ex.parameter(), ex.getMessage())));
	}

	@ExceptionHandler
	ProblemDetail missingParameter(MissingServletRequestParameterException ex) {
		return badRequest("A parameter is missing.",
				List.of(new FieldProblem(ex.getParameterName(), "is required")));
	}

	@ExceptionHandler
	ProblemDetail mismatch(MethodArgumentTypeMismatchException ex) {
		return badRequest("A parameter is invalid.",
				List.of(new FieldProblem(ex.getName(), "'" + ex.getValue() + "' is not valid here")));
	}

	@ExceptionHandler
	ProblemDetail conflict(DataIntegrityViolationException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The change conflicts with one made at the same time; reload and try again.");
	}

	private static ProblemDetail badRequest(String detail, List<FieldProblem> problems) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				detail + " " + problems.stream().map(p -> p.field() + ": " + p.message())
					.collect(Collectors.joining("; ")));
		problem.setProperty("errors", problems);
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

}
