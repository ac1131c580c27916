package org.helpline.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * Lets a controller narrow the roles of its path for one operation (e.g. only operators
 * import history under {@code /api/contacts}, which counsellors may use otherwise). A
 * refusal reaches Spring Security's filter and answers 403.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class MethodSecurityConfiguration {

}
