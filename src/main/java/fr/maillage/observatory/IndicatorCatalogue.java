package fr.maillage.observatory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A version of the indicator catalogue: what the observatory publishes. */
public record IndicatorCatalogue(String version, String title, List<Indicator> indicators) {

	public IndicatorCatalogue {
		indicators = List.copyOf(indicators);
	}

	public Optional<Indicator> indicator(String code) {
		return this.indicators.stream().filter(indicator -> indicator.code().equals(code)).findFirst();
	}

	/** The question codes the indicators read. */
	Set<String> questions() {
		Map<String, Boolean> codes = new LinkedHashMap<>();
		for (Indicator indicator : this.indicators) {
			if (!indicator.formula().registry()) {
				codes.put(indicator.formula().question(), true);
				if (indicator.formula().denominator() != null) {
					codes.put(indicator.formula().denominator(), true);
				}
			}
		}
		return codes.keySet();
	}

}
