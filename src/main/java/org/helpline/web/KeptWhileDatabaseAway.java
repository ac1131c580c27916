package org.helpline.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a counsellor's state change that answers 202 Accepted while the database is away (see
 * {@link ApiExceptionHandler}); {@link ApiDocumentation} documents that answer from it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface KeptWhileDatabaseAway {

}
