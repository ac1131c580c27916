package org.helpline.security;

import javax.sql.DataSource;

import jakarta.servlet.DispatcherType;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Who may do what. The API is stateless (HTTP Basic, no session, so no CSRF token; requests
 * from other websites are refused by {@link CrossSiteApiRequests}); pages use a form login with a session and CSRF protection. Both check passwords
 * through one authentication manager, so a lockout holds for both. The API's description is
 * for staff, by either login. Only the login page, its static files and health answer without
 * login.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String OPERATOR = "OPERATOR";

	static final String ADMIN = "ADMIN";

	static final String COUNSELLOR = "COUNSELLOR";

	static final String ANALYST = "ANALYST";

	/** The Prometheus scraper: metrics and health, nothing else, so its stored password opens nothing more. */
	static final String METRICS = "METRICS";

	private static final String[] STAFF = { COUNSELLOR, OPERATOR, ANALYST, ADMIN };

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, AuthenticationManager logins) throws Exception {
		return http.securityMatcher("/api/**", "/actuator/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/actuator/prometheus")
				.hasAnyRole(METRICS, OPERATOR, ADMIN)
				.requestMatchers("/actuator/**")
				.hasAnyRole(OPERATOR, ADMIN)
				.requestMatchers("/api/accounts/**", "/api/audit/**")
				.hasRole(ADMIN)
				.requestMatchers("/api/account/**")
				.hasAnyRole(STAFF)
				.requestMatchers("/api/reports/**")
				.hasAnyRole(ANALYST, ADMIN)
				.requestMatchers("/api/contacts/**", "/api/counsellor/**")
				.hasAnyRole(COUNSELLOR, OPERATOR, ADMIN)
				.requestMatchers("/api/**")
				.hasAnyRole(OPERATOR, ADMIN)
				.anyRequest()
				.denyAll())
			.authenticationManager(logins)
			.httpBasic(basic -> basic.authenticationEntryPoint(ApiLoginChallenge.entryPoint()))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// No token without a session; cross-site requests are refused by where they come from.
			.csrf(csrf -> csrf.disable())
			.addFilterBefore(new CrossSiteApiRequests(), BasicAuthenticationFilter.class)
			.build();
	}

	/**
	 * The API's description ({@code /v3/api-docs}) and Swagger UI, for any staff role: signed in
	 * on the pages, or with HTTP Basic like an API client. Without a login, a redirect to the
	 * login page as for every page; a wrong Basic password is answered as the API answers it.
	 * Page sessions that an administrator ended are refused here too.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain apiDescription(HttpSecurity http, AuthenticationManager logins, SessionRegistry sessions)
			throws Exception {
		return http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
				"/swagger-ui/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().hasAnyRole(STAFF))
			.authenticationManager(logins)
			.httpBasic(basic -> basic.authenticationEntryPoint(ApiLoginChallenge.entryPoint()))
			.exceptionHandling(refusals -> refusals.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
			.sessionManagement(session -> session.sessionConcurrency(concurrency -> concurrency.maximumSessions(-1)
				.sessionRegistry(sessions)
				.expiredUrl("/login")))
			.build();
	}

	/** Pages: every form carries the session's CSRF token (Thymeleaf adds it), logout included. */
	@Bean
	@Order(3)
	SecurityFilterChain pages(HttpSecurity http, AuthenticationManager logins, SessionRegistry sessions)
			throws Exception {
		return http
			.authorizeHttpRequests(requests -> requests
				// The error page renders a refusal already decided; asked for directly, it needs a login.
				.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico")
				.permitAll()
				.requestMatchers("/counsellor/**")
				.hasRole(COUNSELLOR)
				.requestMatchers("/operator/**")
				.hasAnyRole(OPERATOR, ADMIN)
				.requestMatchers("/analyst/**")
				.hasAnyRole(ANALYST, ADMIN)
				.requestMatchers("/admin/**")
				.hasRole(ADMIN)
				.anyRequest()
				.hasAnyRole(STAFF))
			.authenticationManager(logins)
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
				// Any number of sessions; registered so that PageSessions can end an account's sessions.
				.sessionConcurrency(concurrency -> concurrency.maximumSessions(-1)
					.sessionRegistry(sessions)
					.expiredUrl("/login")))
			.build();
	}

	@Bean
	SessionRegistry sessionRegistry() {
		return new SessionRegistryImpl();
	}

	/** Tells the registry (and the live streams) about sessions the web server ends: logout, time-out. */
	@Bean
	HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

	@Bean
	AuthenticationManager logins(AuthenticationProvider lockableLogins, ApplicationEventPublisher events) {
		ProviderManager manager = new ProviderManager(lockableLogins);
		// Lockout counts failures and successes from these events.
		manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
		return manager;
	}

	/**
	 * A bean, not only a part of {@link #logins}: Spring Security's global authentication
	 * manager takes the one provider bean it finds instead of building its own from the
	 * accounts, so whatever later asks for that manager gets the lockout too.
	 */
	@Bean
	AuthenticationProvider lockableLogins(JdbcUserDetailsManager accounts, Lockout lockout,
			PasswordEncoder passwords, AddressThrottle throttle) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new LockableAccounts(accounts, lockout));
		provider.setPasswordEncoder(passwords);
		return new ThrottledLogins(provider, throttle);
	}

	/** bcrypt for new passwords; the prefix in each stored hash names its encoder. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	JdbcUserDetailsManager userDetailsManager(DataSource dataSource) {
		return new JdbcUserDetailsManager(dataSource);
	}

}
