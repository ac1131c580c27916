package org.helpline.counsellors;

import java.util.List;

import org.helpline.helplines.FieldProblem;

/** A counsellor or presence change that was refused; nothing of it was stored. */
public class InvalidCounsellorException extends RuntimeException {

	private final List<FieldProblem> problems;

	InvalidCounsellorException(List<FieldProblem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return problems;
	}

}
