package fr.maillage.shared.web;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Adds an incident id to every server error rendered by the error pages, and logs it with
 * the stack trace: the user quotes the id, the operator finds the trace.
 */
@Component
class IncidentErrorAttributes extends DefaultErrorAttributes {

	private static final Logger log = LoggerFactory.getLogger(IncidentErrorAttributes.class);

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(request, options);
		if (attributes.get("status") instanceof Integer status && status >= 500) {
			String incident = Incidents.newId();
			attributes.put("incident", incident);
			log.error("Incident {}: {} {} failed with status {}", incident, attributes.get("path"), status,
					attributes.get("error"), getError(request));
		}
		return attributes;
	}

}
