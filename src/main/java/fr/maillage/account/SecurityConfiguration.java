package fr.maillage.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.maillage.account.ThrottledAuthenticationProvider.LoginThrottledException;
import fr.maillage.shared.security.Permission;
import fr.maillage.shared.security.Role;
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
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The web security of the whole application: sign-in (password, and OIDC providers when
 * configured: {@link OidcSignIn}), CSRF, session fixation, security headers, and the
 * routes every module declared through {@link RouteAccess}. A controller route that no
 * module declared is refused ({@link UnmappedRoutes}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * No inline script or style anywhere: everything comes from our own origin. Forms
	 * post to it too, except that signing out may redirect to an OIDC provider's
	 * end-session endpoint ({@code signOutTargets}).
	 */
	static String contentSecurityPolicy(List<String> signOutTargets) {
		String formAction = String.join(" ", "form-action 'self'", String.join(" ", signOutTargets)).strip();
		return String.join("; ", "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
				"font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", formAction,
				"frame-ancestors 'none'");
	}

	/**
	 * Cross-origin reads of the public JSON API (ADR 23): any origin may GET
	 * {@code /api/v1/**}, without credentials, and read its entity tag and licence link;
	 * nothing else is open to other origins. Preflight requests are answered by Spring
	 * Security's CORS filter before any authorization rule.
	 */
	static CorsConfigurationSource apiCors() {
		CorsConfiguration api = new CorsConfiguration();
		api.addAllowedOrigin(CorsConfiguration.ALL);
		api.setAllowedMethods(List.of("GET", "HEAD"));
		api.addAllowedHeader(CorsConfiguration.ALL);
		api.setExposedHeaders(List.of("ETag", "Link"));
		api.setAllowCredentials(false);
		api.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/api/v1/**", api);
		return source;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt today; the {id} prefix lets a later algorithm take over on next sign-in.
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationManager authenticationManager(AccountUserDetailsService accounts, PasswordEncoder passwordEncoder,
			LoginThrottle throttle, AuthenticationEventPublisher events, OidcSignIn oidc) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
		passwords.setPasswordEncoder(passwordEncoder);
		List<AuthenticationProvider> providers = new ArrayList<>();
		providers.add(new ThrottledAuthenticationProvider(passwords, throttle));
		if (oidc.enabled()) {
			providers.add(oidc.authenticationProvider());
		}
		ProviderManager manager = new ProviderManager(providers);
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
		String[] managers = Permission.MANAGE_USERS.roles().stream().map(Role::name).toArray(String[]::new);
		return routes -> routes
			.requestMatchers(HttpMethod.GET, "/connexion", "/connexion/code", "/connexion/refus", "/invitation/*",
					"/mot-de-passe-oublie", "/mot-de-passe/*")
			.permitAll()
			// OIDC sign-in: Spring's filters, not controllers (404 when no provider is
			// set).
			.requestMatchers(HttpMethod.GET, "/oauth2/authorization/*", "/login/oauth2/code/*")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/connexion", "/connexion/code", "/deconnexion", "/invitation/*",
					"/invitation/*/renouveler", "/mot-de-passe-oublie", "/mot-de-passe/*")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/espace", "/compte", "/compte/mot-de-passe", "/compte/donnees",
					"/compte/double-authentification")
			.authenticated()
			.requestMatchers(HttpMethod.POST, "/compte", "/compte/mot-de-passe", "/compte/effacement",
					"/compte/double-authentification", "/compte/double-authentification/codes-de-secours",
					"/compte/double-authentification/desactiver")
			.authenticated()
			.requestMatchers(HttpMethod.GET, "/admin/effacements")
			.hasRole(Role.NATIONAL_ADMIN.name())
			.requestMatchers(HttpMethod.POST, "/admin/effacements/*/confirmer")
			.hasRole(Role.NATIONAL_ADMIN.name())
			.requestMatchers(HttpMethod.GET, "/personnes", "/personnes/inviter", "/personnes/inviter-en-masse",
					"/personnes/*")
			.hasAnyRole(managers)
			.requestMatchers(HttpMethod.POST, "/personnes/inviter", "/personnes/inviter-en-masse",
					"/personnes/inviter-en-masse/envoyer", "/personnes/*/roles/*/retirer", "/personnes/*/desactiver",
					"/personnes/*/reactiver")
			.hasAnyRole(managers);
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
			AuthenticationManager authenticationManager, AccountUserDetailsService accounts,
			SignInSuccessHandler successHandler, LoginFailureHandler failureHandler, OidcSignIn oidc,
			SignOutSuccessHandler signOutHandler,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> controllers)
			throws Exception {
		// Ours, with the throttle: otherwise Spring would build a plain one from the
		// UserDetailsService.
		http.authenticationManager(authenticationManager);
		// Roles and second factor as they are now in the database, not as at sign-in.
		http.addFilterBefore(new AccountRefreshFilter(accounts), AuthorizationFilter.class);
		http.addFilterAfter(new SecondFactorEnrolmentFilter(), AccountRefreshFilter.class);
		http.authorizeHttpRequests(routes -> {
			modules.forEach(module -> module.declare(routes));
			routes.anyRequest().access(new UnmappedRoutes(controllers::getObject));
		});
		http.formLogin(login -> login.loginPage("/connexion")
			.loginProcessingUrl("/connexion")
			.usernameParameter("email")
			.passwordParameter("motDePasse")
			.successHandler(successHandler)
			.failureHandler(failureHandler));
		if (oidc.enabled()) {
			oidc.configure(http);
		}
		http.cors(cors -> cors.configurationSource(apiCors()));
		http.logout(logout -> logout.logoutUrl("/deconnexion").logoutSuccessHandler(signOutHandler));
		http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
		http.headers(headers -> headers
			.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(oidc.signOutOrigins())))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")));
		return http.build();
	}

}
