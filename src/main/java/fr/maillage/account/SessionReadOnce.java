package fr.maillage.account;

import java.io.IOException;
import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Session reads a signed-in person's session from the database twice per request:
 * once when the request first needs it, and again after saving it, to find out whether
 * the id the browser sent was valid (spring-session issue 1731), unless something asked
 * that during the request. This filter, just inside Spring Session's, asks it first: the
 * answer comes from the one read the request makes anyway, and is kept for the end.
 * Measured with {@code bench/autosave.sh}: two round trips fewer per autosave.
 * <p>
 * {@link LastAccessThrottle}'s memory of the session just saved lives only during one
 * dispatch: a second filter, just outside Spring Session's, holds it, on every kind of
 * dispatch (an error page rendered after the request reads its session from the database
 * again).
 */
@Configuration(proxyBeanMethods = false)
class SessionReadOnce {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> sessionReadOnceFilter() {
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if (request.getRequestedSessionId() != null) {
					request.isRequestedSessionIdValid();
				}
				chain.doFilter(request, response);
			}

		});
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<Filter> sessionJustSavedForgetter() {
		var registration = new FilterRegistrationBean<Filter>((request, response, chain) -> LastAccessThrottle
			.duringDispatch(() -> chain.doFilter(request, response)));
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
		return registration;
	}

}
