package fr.maillage.browser;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.LoadState;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * What every page of a journey must pass, whatever the journey checks besides:
 * <ul>
 * <li>no serious or critical WCAG 2.1 A/AA violation found by axe-core;</li>
 * <li>the HTML as served (not the DOM after scripts ran) is valid for the Nu HTML
 * checker;</li>
 * <li>no Content-Security-Policy violation, no uncaught script error, and no same-origin
 * resource (style, script, font, image) answered with an error status.</li>
 * </ul>
 * Problems seen by the listeners since the previous check are reported at the next one,
 * so a journey that checks every page it reaches misses none.
 */
final class PageChecker {

	/** WCAG 2.0 and 2.1, levels A and AA: the level the RGAA requires. */
	private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

	/**
	 * Runs before any script of each document. The browser reports violations both to the
	 * console and as this event; the event also covers those the console may not print
	 * (e.g. report-only ones, or those raised before the console listener was attached).
	 */
	private static final String CSP_LISTENER = """
			window.__cspViolations = [];
			document.addEventListener('securitypolicyviolation', (event) => {
				window.__cspViolations.push(event.violatedDirective + ' blocked ' + (event.blockedURI || '(inline)')
					+ ' at ' + event.sourceFile + ':' + event.lineNumber
					+ (event.sample ? ' "' + event.sample + '"' : ''));
			});
			""";

	private final String origin;

	private final HtmlValidator htmlValidator = new HtmlValidator();

	private final List<String> consoleCspViolations = new ArrayList<>();

	private final List<String> pageErrors = new ArrayList<>();

	private final List<String> failedResources = new ArrayList<>();

	private Response lastDocument;

	PageChecker(BrowserContext context, String baseUrl) {
		this.origin = origin(baseUrl);
		context.addInitScript(CSP_LISTENER);
	}

	/** Listens to a page from now on; call before its first navigation. */
	void watch(Page page) {
		page.onConsoleMessage(message -> {
			if (message.text().contains("Content Security Policy")) {
				this.consoleCspViolations.add(message.text());
			}
		});
		page.onPageError(error -> this.pageErrors.add(error));
		page.onResponse(response -> {
			Request request = response.request();
			if (request.isNavigationRequest() && request.frame().parentFrame() == null) {
				// The last one of a redirect chain is the page on screen.
				this.lastDocument = response;
			}
			else if (response.status() >= 400 && this.origin.equals(origin(response.url()))) {
				this.failedResources.add(response.status() + " " + request.method() + " " + response.url());
			}
		});
	}

	/**
	 * Forgets the failed requests seen so far whose "status METHOD url" ends with
	 * {@code description}: a journey that provokes one on purpose (a save after the
	 * session expired) says so.
	 */
	void expectedFailure(String description) {
		this.failedResources.removeIf(failure -> failure.startsWith(description.split(" ", 3)[0] + " ")
				&& failure.endsWith(description.substring(description.lastIndexOf(' ') + 1))
				&& failure.contains(" " + description.split(" ", 3)[1] + " "));
	}

	/** Checks the page on screen; fails with every problem found, grouped by kind. */
	void check(Page page) {
		page.waitForLoadState(LoadState.LOAD);
		List<String> report = new ArrayList<>();
		section(report, "axe-core (WCAG 2.1 AA, serious or critical)", accessibilityViolations(page));
		section(report, "Nu HTML checker (served HTML)", htmlErrors(page));
		section(report, "Content-Security-Policy violations", cspViolations(page));
		section(report, "Uncaught script errors", List.copyOf(this.pageErrors));
		section(report, "Same-origin resources in error", List.copyOf(this.failedResources));
		this.consoleCspViolations.clear();
		this.pageErrors.clear();
		this.failedResources.clear();
		if (!report.isEmpty()) {
			fail("Problems on " + page.url() + System.lineSeparator() + String.join(System.lineSeparator(), report));
		}
	}

	private static List<String> accessibilityViolations(Page page) {
		List<String> found = new ArrayList<>();
		// Legacy mode runs axe in the page itself: our pages have no frames, and the
		// default mode opens a blank page per run to merge frame results (4x slower).
		AxeResults results = new AxeBuilder(page).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
		if (results.getErrorMessage() != null) {
			return List.of("axe-core could not run: " + results.getErrorMessage());
		}
		for (Rule rule : results.getViolations()) {
			if (BLOCKING_IMPACTS.contains(rule.getImpact())) {
				List<String> targets = rule.getNodes()
					.stream()
					.map(CheckedNode::getTarget)
					.map(String::valueOf)
					.toList();
				found.add(rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " " + rule.getHelpUrl()
						+ System.lineSeparator() + "      on " + String.join(", ", targets));
			}
		}
		return found;
	}

	private List<String> htmlErrors(Page page) {
		Response document = this.lastDocument;
		if (document == null || !Objects.equals(document.url(), withoutFragment(page.url()))) {
			return List.of("no served HTML to check: the page on screen (" + page.url()
					+ ") did not come from a navigation of this page");
		}
		return this.htmlValidator.errors(document.body());
	}

	private List<String> cspViolations(Page page) {
		List<String> found = new ArrayList<>(this.consoleCspViolations);
		Object fromEvents = page.evaluate("() => window.__cspViolations || []");
		if (fromEvents instanceof List<?> violations) {
			violations.forEach(violation -> found.add(String.valueOf(violation)));
		}
		return found;
	}

	private static void section(List<String> report, String title, List<String> problems) {
		if (!problems.isEmpty()) {
			report.add("  " + title + ":");
			problems.forEach(problem -> report.add("    - " + problem));
		}
	}

	private static String origin(String url) {
		try {
			URI uri = URI.create(url);
			return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
		}
		catch (IllegalArgumentException ex) {
			// e.g. a data: URL, which is no resource of ours.
			return "";
		}
	}

	/** A page's address without its fragment, which the browser never sends. */
	private static String withoutFragment(String url) {
		int hash = url.indexOf('#');
		return (hash < 0) ? url : url.substring(0, hash);
	}

}
