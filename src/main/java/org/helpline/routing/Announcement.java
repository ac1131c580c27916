package org.helpline.routing;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What a waiting caller hears next.
 *
 * @param position 1-based place among this helpline's callers not yet connected; never higher
 * than the last position announced to this caller
 * @param estimatedWait how long this caller may still wait, from recent answer times, in whole
 * minutes as a person says them; never longer than the last estimate announced to this caller;
 * {@code null} when there are too few recent answers to say
 * @param sayPosition whether the helpline announces the position
 * @param sayEstimate whether to say the estimate; never true when the estimate is {@code null}
 */
public record Announcement(int position, @Nullable Duration estimatedWait, boolean sayPosition, boolean sayEstimate) {

}
