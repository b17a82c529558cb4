package fr.maillage.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders the French e-mail templates: {@code templates/mail/<name>.txt} (Thymeleaf TEXT
 * mode) and {@code templates/mail/<name>.html}, subject {@code mail.<name>.subject}. Its
 * template engine is private on purpose: a {@code TemplateEngine} or
 * {@code ITemplateResolver} bean would replace, or be added to, the engine of the web
 * pages.
 */
@Component
class MailRenderer {

	private static final Locale FRENCH = Locale.FRANCE;

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	private final MessageSource messages;

	private final Clock clock;

	private final String contact;

	MailRenderer(MessageSource messages, Clock clock, NotificationProperties properties) {
		this.messages = messages;
		this.clock = clock;
		this.contact = properties.contact();
		this.engine.setTemplateEngineMessageSource(messages);
		// No suffix: a template is named with its own ("invitation.txt"), which picks
		// the mode; so are fragments ("layout.html :: mail").
		this.engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
		this.engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
	}

	RenderedEmail render(String template, Map<String, Object> variables) {
		Context context = new Context(FRENCH, frenchTimes(variables));
		context.setVariable("contact", this.contact);
		String subject = this.messages.getMessage("mail." + template + ".subject", null, FRENCH);
		// Stripped of the blank lines that template comments leave.
		String text = this.engine.process(template + ".txt", context).strip() + "\n";
		return new RenderedEmail(subject, text, this.engine.process(template + ".html", context));
	}

	/** Instants are shown as the time in France, whatever the server's time zone. */
	private Map<String, Object> frenchTimes(Map<String, Object> variables) {
		Map<String, Object> converted = new HashMap<>(variables);
		converted.replaceAll(
				(name, value) -> (value instanceof Instant instant) ? instant.atZone(this.clock.getZone()) : value);
		return converted;
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCheckExistence(true);
		resolver.setOrder(order);
		return resolver;
	}

}
