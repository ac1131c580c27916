package org.helpline.security;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what. The API is stateless (HTTP Basic, no session, so no CSRF token to
 * forge); pages use a form login with CSRF protection. Only health answers without login.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String OPERATOR = "OPERATOR";

	static final String ADMIN = "ADMIN";

	static final String COUNSELLOR = "COUNSELLOR";

	static final String ANALYST = "ANALYST";

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		return http.securityMatcher("/api/**", "/actuator/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasAnyRole(OPERATOR, ADMIN)
				.requestMatchers("/api/reports/**")
				.hasAnyRole(ANALYST, ADMIN)
				.requestMatchers("/api/contacts/**", "/api/counsellor/**")
				.hasAnyRole(COUNSELLOR, OPERATOR, ADMIN)
				.requestMatchers("/api/**")
				.hasAnyRole(OPERATOR, ADMIN)
				.anyRequest()
				.denyAll())
			.httpBasic(Customizer.withDefaults())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.formLogin(Customizer.withDefaults())
			.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	JdbcUserDetailsManager accounts(DataSource dataSource) {
		return new JdbcUserDetailsManager(dataSource);
	}

}
