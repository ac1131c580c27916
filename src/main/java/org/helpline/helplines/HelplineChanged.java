package org.helpline.helplines;

/** Published after an operator changed a helpline or its schedule (or removed it). */
public record HelplineChanged(long helplineId) {

}
