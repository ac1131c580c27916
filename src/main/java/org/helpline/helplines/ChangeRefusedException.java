package org.helpline.helplines;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A change refused before anything was stored, naming each field to fix. Every feature refuses
 * a change this way, so the API answers it in one shape and a page shows it beside its form.
 */
public class ChangeRefusedException extends RuntimeException {

	private final List<FieldProblem> problems;

	public ChangeRefusedException(List<FieldProblem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	/** A problem only the API can produce, such as a missing request body. */
	public ChangeRefusedException(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> problems() {
		return problems;
	}

}
