package org.helpline.routing;

/** One helpline's queue on this instance, for the live board: counts only, nothing of a caller. */
public record QueueSummary(long helplineId, String helpline, int waiting, long longestWaitSeconds) {

}
