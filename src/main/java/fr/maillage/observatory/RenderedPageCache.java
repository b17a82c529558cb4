package fr.maillage.observatory;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The key-figures pages as an anonymous visitor sees them, kept as bytes in the
 * {@link FigureCache} until the figures change: a page is rendered once per address, then
 * served without the controller and the template engine. This is what lets the pages keep
 * up with a crowd of visitors (ADR 22, docs/benchmarks.md).
 * <p>
 * Only for anonymous GETs, after Spring Security (so every answer still gets its security
 * headers), and only what was a complete 200 without a cookie: a signed-in person's page
 * (their menu, the final-figures forms) is always rendered for them.
 */
@Configuration(proxyBeanMethods = false)
class RenderedPageCache {

	/** A rendered page. */
	record Rendered(byte[] body, String contentType, String contentLanguage) {
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> renderedPageCacheFilter(FigureCache cache) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(cache));
		registration.addUrlPatterns(ObservatoryController.PATH, ObservatoryController.PATH + "/regions/*",
				ObservatoryController.PATH + "/departements/*", ComparisonController.PATH);
		// After Spring Security's filter chain (-100) and Spring Session's.
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}

	static final class Filter extends OncePerRequestFilter {

		private final FigureCache cache;

		Filter(FigureCache cache) {
			this.cache = cache;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!"GET".equals(request.getMethod()) || !anonymous() || request.getHeader("HX-Request") != null) {
				chain.doFilter(request, response);
				return;
			}
			String key = key(request);
			Rendered rendered = this.cache.peek(key);
			if (rendered != null) {
				response.setContentType(rendered.contentType());
				if (rendered.contentLanguage() != null) {
					response.setHeader("Content-Language", rendered.contentLanguage());
				}
				response.setContentLength(rendered.body().length);
				response.getOutputStream().write(rendered.body());
				return;
			}
			ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
			long generation = this.cache.generation();
			chain.doFilter(request, wrapper);
			if (wrapper.getStatus() == HttpServletResponse.SC_OK && !response.containsHeader("Set-Cookie")
					&& wrapper.getContentType() != null && wrapper.getContentType().startsWith("text/html")) {
				this.cache.putIfGeneration(generation, key, new Rendered(wrapper.getContentAsByteArray(),
						wrapper.getContentType(), response.getHeader("Content-Language")));
			}
			wrapper.copyBodyToResponse();
		}

		/** The address with its parameters in a fixed order: one entry per page. */
		private static String key(HttpServletRequest request) {
			StringBuilder key = new StringBuilder("html|").append(request.getRequestURI());
			new java.util.TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
				for (String value : values) {
					key.append('|').append(name).append('=').append(value);
				}
			});
			return key.toString();
		}

		private static boolean anonymous() {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			return authentication == null || authentication instanceof AnonymousAuthenticationToken;
		}

	}

}
