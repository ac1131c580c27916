package org.helpline.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param firstOperator the account created when nobody can log in yet; its password comes
 * from the environment ({@code HELPLINE_OPERATOR_PASSWORD}) and has a local default that the
 * {@code prod} profile refuses
 */
@ConfigurationProperties("helpline.security")
record AccountProperties(FirstOperator firstOperator) {

	record FirstOperator(@DefaultValue("operator") String username, String password) {
	}

}
