package fr.maillage.observatory;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every observatory page says about statistical confidentiality: the threshold below
 * which a figure is secret (a setting, so never written in a text).
 */
@ControllerAdvice(assignableTypes = { ObservatoryController.class, ComparisonController.class })
class ObservatoryModelAdvice {

	private final ObservatoryProperties properties;

	ObservatoryModelAdvice(ObservatoryProperties properties) {
		this.properties = properties;
	}

	@ModelAttribute("confidentialityThreshold")
	int confidentialityThreshold() {
		return this.properties.confidentialityThreshold();
	}

}
