package fr.maillage.observatory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import fr.maillage.questionnaire.ComputedTotals;
import fr.maillage.questionnaire.Questionnaires;

import org.springframework.stereotype.Component;

/**
 * The indicator catalogue shipped with the application
 * ({@code observatory/indicators.yaml}), read and checked against the national
 * questionnaire once, when first asked for. A catalogue that does not check is a build
 * defect: the application refuses to serve figures and says why.
 */
@Component
class IndicatorCatalogues {

	static final String SHIPPED = "observatory/indicators.yaml";

	private final Questionnaires questionnaires;

	private volatile IndicatorCatalogue current;

	private volatile ComputedTotals computed;

	IndicatorCatalogues(Questionnaires questionnaires) {
		this.questionnaires = questionnaires;
	}

	IndicatorCatalogue current() {
		IndicatorCatalogue catalogue = this.current;
		if (catalogue == null) {
			synchronized (this) {
				if (this.current == null) {
					IndicatorCatalogueReader reader = new IndicatorCatalogueReader();
					var national = this.questionnaires.shippedNational().definition();
					IndicatorCatalogue read = reader.read(shipped(), national);
					if (read == null) {
						throw new IllegalStateException(
								"The shipped indicator catalogue does not check: " + reader.errors());
					}
					this.computed = new ComputedTotals(national, read.questions());
					this.current = read;
				}
				catalogue = this.current;
			}
		}
		return catalogue;
	}

	/** The totals the catalogue's questions need computed, and the codes to read. */
	ComputedTotals computed() {
		current();
		return this.computed;
	}

	static String shipped() {
		try (InputStream in = IndicatorCatalogues.class.getClassLoader().getResourceAsStream(SHIPPED)) {
			if (in == null) {
				throw new IllegalStateException(SHIPPED + " is missing");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
