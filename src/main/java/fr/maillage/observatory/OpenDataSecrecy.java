package fr.maillage.observatory;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Why a figure is secret, in words: the reason's code ({@code primary} /
 * {@code secondary}) and its French explanation, the same on pages, exports and the API.
 */
@Component
public class OpenDataSecrecy {

	private final MessageSource messages;

	private final int threshold;

	OpenDataSecrecy(MessageSource messages, ObservatoryProperties properties) {
		this.messages = messages;
		this.threshold = properties.confidentialityThreshold();
	}

	/** The fewest structures a published figure is computed from. */
	public int threshold() {
		return this.threshold;
	}

	/** {@code primary} or {@code secondary}; null for a published figure. */
	public String reason(Figure figure) {
		return (figure != null && figure.secret()) ? figure.suppression().name().toLowerCase(Locale.ROOT) : null;
	}

	/** The French explanation of a secret figure; null for a published one. */
	public String explanation(Figure figure) {
		if (figure == null || !figure.secret()) {
			return null;
		}
		return this.messages.getMessage("observatory.secret." + reason(figure),
				new Object[] { Integer.toString(this.threshold) }, Locale.FRANCE);
	}

}
