package org.helpline.routing;

import java.util.List;

import org.helpline.helplines.FieldProblem;

/** A routing change that was refused; nothing of it was stored. */
public class InvalidRoutingException extends RuntimeException {

	private final List<FieldProblem> problems;

	InvalidRoutingException(List<FieldProblem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return problems;
	}

}
