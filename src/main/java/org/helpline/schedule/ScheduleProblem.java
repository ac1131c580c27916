package org.helpline.schedule;

/**
 * One validation error; {@code field} uses the web form's names, e.g. {@code weekly[3]}.
 */
public record ScheduleProblem(String field, String message) {

}
