package org.helpline.contact;

import java.util.List;

import org.helpline.helplines.FieldProblem;

/** A registration, wrap-up or list change that was refused; nothing of it was stored. */
public class InvalidContactException extends RuntimeException {

	private final List<FieldProblem> problems;

	InvalidContactException(List<FieldProblem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
		this.problems = List.copyOf(problems);
	}

	InvalidContactException(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> problems() {
		return problems;
	}

}
