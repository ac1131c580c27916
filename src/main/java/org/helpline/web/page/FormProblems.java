package org.helpline.web.page;

import java.util.List;

import org.helpline.helplines.FieldProblem;

/**
 * Why one form was refused, for showing each message next to its field. A page has several
 * forms; {@code form} says which one these belong to.
 */
record FormProblems(String form, List<FieldProblem> problems) {

	static final FormProblems NONE = new FormProblems("", List.of());

	FormProblems {
		problems = List.copyOf(problems);
	}

	/** Whether the named form was refused. */
	public boolean in(String name) {
		return form.equals(name) && !problems.isEmpty();
	}

	/** The problems of the form, for its summary at the top. */
	public List<FieldProblem> of(String name) {
		return form.equals(name) ? problems : List.of();
	}

	/** The problems of one field of the form (or of its parts: {@code openingHours[2].start}). */
	public List<FieldProblem> of(String name, String field) {
		return of(name).stream()
			.filter(p -> p.field().equals(field) || p.field().startsWith(field + ".") || p.field().startsWith(field + "["))
			.toList();
	}

}
