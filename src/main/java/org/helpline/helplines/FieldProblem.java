package org.helpline.helplines;

/** One reason a change was refused, naming the field an operator has to fix. */
public record FieldProblem(String field, String message) {

}
