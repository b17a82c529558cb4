package fr.maillage.shared.web;

import java.util.Comparator;
import java.util.List;

import fr.maillage.shared.demo.DemoDataStatus;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the page layout needs on every page: navigation, demo banner, current path. */
@ControllerAdvice
class LayoutModelAdvice {

	private final List<NavigationItem> navigation;

	/**
	 * Looked up once, not per request: a lookup in the bean factory was a fortieth of an
	 * autosave's CPU (docs/benchmarks.md).
	 */
	private final SingletonSupplier<DemoDataStatus> demoData;

	LayoutModelAdvice(List<NavigationItem> navigation, ObjectProvider<DemoDataStatus> demoData) {
		this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
		this.demoData = SingletonSupplier.of(demoData::getIfAvailable);
	}

	@ModelAttribute("navigation")
	List<NavigationItem> navigation() {
		return this.navigation;
	}

	@ModelAttribute("demoMode")
	boolean demoMode() {
		DemoDataStatus status = this.demoData.get();
		return status != null && status.present();
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI();
	}

}
