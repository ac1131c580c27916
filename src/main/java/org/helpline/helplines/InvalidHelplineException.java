package org.helpline.helplines;

import java.util.List;

/** A change that would leave a helpline unusable; nothing of it was stored. */
public class InvalidHelplineException extends RuntimeException {

	private final List<FieldProblem> problems;

	InvalidHelplineException(List<FieldProblem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return problems;
	}

}
