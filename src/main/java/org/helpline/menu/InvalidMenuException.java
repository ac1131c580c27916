package org.helpline.menu;

import java.util.List;

import org.helpline.helplines.FieldProblem;

/** A menu a caller could not get through; nothing of it was stored and the running menu stays. */
public class InvalidMenuException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidMenuException(List<FieldProblem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return problems;
	}

}
