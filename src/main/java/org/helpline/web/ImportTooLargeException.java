package org.helpline.web;

import org.helpline.helplines.FieldProblem;
import org.helpline.helplines.ProblemCode;

/** A CSV import larger than {@code helpline.import.max-size}. */
class ImportTooLargeException extends RuntimeException {

	private final FieldProblem problem;

	ImportTooLargeException(long maxBytes) {
		this(FieldProblem.of(ProblemCode.IMPORT_TOO_LARGE, "file", maxBytes));
	}

	private ImportTooLargeException(FieldProblem problem) {
		super(problem.message());
		this.problem = problem;
	}

	FieldProblem problem() {
		return problem;
	}

}
