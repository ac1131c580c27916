package org.helpline.callflow;

/**
 * A caller is no longer waiting on this node: they hung up, the line was lost, or the session
 * that kept them company failed. Routing gives up their place (and a counsellor claimed for
 * them) at once, not only when the hangup handler tells the call's end.
 * @param callId the call's Asterisk id
 */
public record CallerLeft(String callId) {

}
