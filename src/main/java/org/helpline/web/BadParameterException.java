package org.helpline.web;

import org.helpline.helplines.FieldProblem;
import org.helpline.helplines.ProblemCode;
import org.jspecify.annotations.Nullable;

/** A request parameter that could not be understood, named with its text in {@code i18n/problems}. */
class BadParameterException extends RuntimeException {

	private final FieldProblem problem;

	BadParameterException(ProblemCode code, String parameter, @Nullable Object... args) {
		this(FieldProblem.of(code, parameter, args));
	}

	private BadParameterException(FieldProblem problem) {
		super(problem.field() + ": " + problem.message());
		this.problem = problem;
	}

	FieldProblem problem() {
		return problem;
	}

}
