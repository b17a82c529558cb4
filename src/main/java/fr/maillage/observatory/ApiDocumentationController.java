package fr.maillage.observatory;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The human page of the API: every route of the OpenAPI document with its parameters and
 * an example address, the licence, and how caching and cross-origin reads work. No
 * script: a page of the application like the others.
 */
@Controller
class ApiDocumentationController {

	private final ApiDocumentation documentation;

	private final OpenDataSecrecy secrecy;

	ApiDocumentationController(ApiDocumentation documentation, OpenDataSecrecy secrecy) {
		this.documentation = documentation;
		this.secrecy = secrecy;
	}

	@GetMapping("/api/documentation")
	String page(HttpServletRequest request, Model model) {
		model.addAttribute("api", this.documentation.read(request));
		model.addAttribute("openApiPath", ApiDocumentation.OPENAPI_PATH);
		model.addAttribute("licenceName", OpenDataLicence.NAME);
		model.addAttribute("licenceUrl", OpenDataLicence.URL);
		model.addAttribute("threshold", Integer.toString(this.secrecy.threshold()));
		return "observatory/api-documentation";
	}

}
