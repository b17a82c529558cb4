package fr.maillage.account;

import java.util.List;
import java.util.Map;

import fr.maillage.account.ThrottledAuthenticationProvider.LoginThrottledException;
import fr.maillage.shared.security.RouteAccess;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The web security of the whole application: sign-in, CSRF, session fixation, security
 * headers, and the routes every module declared through {@link RouteAccess}. A controller
 * route that no module declared is refused ({@link UnmappedRoutes}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** No inline script or style anywhere: everything comes from our own origin. */
	static final String CONTENT_SECURITY_POLICY = String.join("; ", "default-src 'self'", "script-src 'self'",
			"style-src 'self'", "img-src 'self' data:", "font-src 'self'", "connect-src 'self'", "object-src 'none'",
			"base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'");

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt today; the {id} prefix lets a later algorithm take over on next sign-in.
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationManager authenticationManager(AccountUserDetailsService accounts, PasswordEncoder passwordEncoder,
			LoginThrottle throttle, AuthenticationEventPublisher events) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
		passwords.setPasswordEncoder(passwordEncoder);
		ProviderManager manager = new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle));
		// A manager built by hand publishes nothing unless told to; SignInAudit listens.
		manager.setAuthenticationEventPublisher(events);
		return manager;
	}

	@Bean
	DefaultAuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
		DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
		// Spring knows no event for our refusal: a throttled name or address is a
		// temporary lock.
		publisher.setAdditionalExceptionMappings(
				Map.of(LoginThrottledException.class, AuthenticationFailureLockedEvent.class));
		return publisher;
	}

	@Bean
	RouteAccess accountRoutes() {
		return routes -> routes.requestMatchers(HttpMethod.GET, "/connexion")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/connexion", "/deconnexion")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/espace")
			.authenticated();
	}

	@Bean
	RouteAccess infrastructureRoutes() {
		return routes -> routes
			.requestMatchers(HttpMethod.GET, "/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico",
					"/favicon.svg", "/robots.txt")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
			.permitAll()
			// The error pages render whatever status the original request got.
			.requestMatchers("/error")
			.permitAll();
	}

	@Bean
	@Order(1)
	SecurityFilterChain securityFilterChain(HttpSecurity http, List<RouteAccess> modules,
			AuthenticationManager authenticationManager, LoginFailureHandler failureHandler,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> controllers)
			throws Exception {
		// Ours, with the throttle: otherwise Spring would build a plain one from the
		// UserDetailsService.
		http.authenticationManager(authenticationManager);
		http.authorizeHttpRequests(routes -> {
			modules.forEach(module -> module.declare(routes));
			routes.anyRequest().access(new UnmappedRoutes(controllers::getObject));
		});
		http.formLogin(login -> login.loginPage("/connexion")
			.loginProcessingUrl("/connexion")
			.usernameParameter("email")
			.passwordParameter("motDePasse")
			.defaultSuccessUrl("/espace", true)
			.failureHandler(failureHandler));
		http.logout(logout -> logout.logoutUrl("/deconnexion").logoutSuccessUrl("/?deconnecte"));
		http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")));
		return http.build();
	}

}
