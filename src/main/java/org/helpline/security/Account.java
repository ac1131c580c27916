package org.helpline.security;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An account as administrators see it, and as the audit trail records it: never with its
 * password or hash.
 *
 * @param roles its roles, e.g. {@code COUNSELLOR}, sorted
 * @param locked whether failed logins lock it right now
 * @param counsellorId the counsellor this account acts as, or null
 */
public record Account(String username, List<String> roles, boolean enabled, boolean locked, @Nullable Long counsellorId) {

}
