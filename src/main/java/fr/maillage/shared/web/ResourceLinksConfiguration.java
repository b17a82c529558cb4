package fr.maillage.shared.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Keeps Spring's {@link ResourceUrlEncodingFilter} off. The WebJars locator on the
 * classpath turns the resource chain on, and Boot's Thymeleaf configuration then adds
 * that filter, which looks every link of every page ({@code @{…}}) up among the static
 * files to rewrite it to a versioned address — but no versioning strategy is configured,
 * so it never rewrites anything, while its lookups (misses are not cached) took about
 * half of a rendered page's CPU (docs/benchmarks.md, "Observatory"). WebJars stay served
 * by their version-free addresses: that is the resource handler's work, not this
 * filter's.
 */
@Configuration(proxyBeanMethods = false)
class ResourceLinksConfiguration {

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilterOff() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

}
