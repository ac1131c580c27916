package org.helpline.contact;

import java.util.List;

import org.helpline.helplines.FieldProblem;

/**
 * An import file with at least one bad row. Nothing of the file was stored, so the operator
 * fixes the rows named here and sends the whole file again.
 */
public class ImportRejectedException extends RuntimeException {

	/**
	 * What is wrong where: line 1 is the header; the problem names the column and its text in
	 * {@code i18n/problems}, so the API and the import page read the same words.
	 */
	public record ImportProblem(long line, FieldProblem problem) {

		public String field() {
			return problem.field();
		}

		/** In English, as the API answers it. */
		public String message() {
			return problem.message();
		}

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
