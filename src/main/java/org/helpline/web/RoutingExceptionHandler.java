package org.helpline.web;

import java.util.List;
import java.util.stream.Collectors;

import org.helpline.counsellors.ChangeKeptException;
import org.helpline.counsellors.InvalidCounsellorException;
import org.helpline.counsellors.StateConflictException;
import org.helpline.counsellors.UnknownCounsellorException;
import org.helpline.helplines.FieldProblem;
import org.helpline.routing.InvalidRoutingException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused counsellor and routing requests as problem details, in the shape of {@link ApiExceptionHandler}'s. */
@RestControllerAdvice
class RoutingExceptionHandler {

	@ExceptionHandler
	ProblemDetail invalid(InvalidRoutingException ex) {
		return refused(ex.problems());
	}

	@ExceptionHandler
	ProblemDetail invalid(InvalidCounsellorException ex) {
		return refused(ex.problems());
	}

	@ExceptionHandler
	ProblemDetail unknown(UnknownCounsellorException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	/** Accepted, not made yet: the counsellor's state is as before until the database is back. */
	@ExceptionHandler
	ProblemDetail kept(ChangeKeptException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.ACCEPTED, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail conflict(StateConflictException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

	private static ProblemDetail refused(List<FieldProblem> problems) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The change was refused; nothing was stored. " + problems.stream()
					.map(p -> p.field() + ": " + p.message())
					.collect(Collectors.joining("; ")));
		problem.setProperty("errors", problems);
		return problem;
	}

}
