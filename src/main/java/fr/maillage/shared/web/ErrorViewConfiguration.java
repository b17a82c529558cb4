package fr.maillage.shared.web;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.DefaultErrorViewResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps Spring Boot's own error view resolver (the French {@code templates/error/*.html}
 * pages) when a module adds a resolver of its own for one case, such as an upload over
 * the limit: Boot backs off its default as soon as any resolver bean exists.
 */
@Configuration(proxyBeanMethods = false)
class ErrorViewConfiguration {

	@Bean
	DefaultErrorViewResolver conventionErrorViewResolver(ApplicationContext context, WebProperties properties) {
		return new DefaultErrorViewResolver(context, properties.getResources());
	}

}
