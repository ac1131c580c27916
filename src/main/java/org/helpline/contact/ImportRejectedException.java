package org.helpline.contact;

import java.util.List;

/**
 * An import file with at least one bad row. Nothing of the file was stored, so the operator
 * fixes the rows named here and sends the whole file again.
 */
public class ImportRejectedException extends RuntimeException {

	/** What is wrong where: line 1 is the header. */
	public record ImportProblem(long line, String field, String message) {
	}

	private final List<ImportProblem> problems;

	private final int total;

	ImportRejectedException(List<ImportProblem> problems, int total) {
		super(total + " problem(s) in the file, first on line " + problems.getFirst().line());
		this.problems = List.copyOf(problems);
		this.total = total;
	}

	/** The first problems (at most 100). */
	public List<ImportProblem> problems() {
		return problems;
	}

	public int total() {
		return total;
	}

}
