package fr.maillage.shared.web;

import java.util.Comparator;
import java.util.List;

import fr.maillage.shared.demo.DemoDataStatus;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the page layout needs on every page: navigation, demo banner, current path. */
@ControllerAdvice
class LayoutModelAdvice {

	private final List<NavigationItem> navigation;

	private final ObjectProvider<DemoDataStatus> demoData;

	LayoutModelAdvice(List<NavigationItem> navigation, ObjectProvider<DemoDataStatus> demoData) {
		this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
		this.demoData = demoData;
	}

	@ModelAttribute("navigation")
	List<NavigationItem> navigation() {
		return this.navigation;
	}

	@ModelAttribute("demoMode")
	boolean demoMode() {
		DemoDataStatus status = this.demoData.getIfAvailable();
		return status != null && status.present();
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI();
	}

}
