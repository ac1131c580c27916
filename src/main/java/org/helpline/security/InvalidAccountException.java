package org.helpline.security;

import java.util.List;

import org.helpline.helplines.FieldProblem;

/** An account change that was refused; nothing of it was stored. */
public class InvalidAccountException extends RuntimeException {

	private final List<FieldProblem> problems;

	InvalidAccountException(List<FieldProblem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return problems;
	}

}
