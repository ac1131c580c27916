package org.helpline.security;

/** An account lost what its signed-in sessions were granted: disabled, deleted, new roles or a new password. */
record AccountRevoked(String username) {
}
