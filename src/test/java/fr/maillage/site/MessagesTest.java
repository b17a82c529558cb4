package fr.maillage.site;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All the text people read comes from the message bundle: templates hold no French of
 * their own, and every key they or the code use exists.
 */
class MessagesTest {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path JAVA = Path.of("src/main/java");

	/** Text between tags that contains a letter. */
	private static final Pattern TEXT_NODE = Pattern.compile(">([^<>]*\\p{L}[^<>]*)<");

	/**
	 * What may hold text in a TEXT-mode template (e-mails): inlined expressions
	 * {@code [(…)]} and {@code [[…]]}, element tags {@code [# …]} and {@code [/]}, and
	 * comments {@code /*[- … -]}{@code *}{@code /}. Whatever letters remain are text of
	 * the template's own.
	 */
	private static final Pattern TEXT_TEMPLATE_CODE = Pattern
		.compile("\\[\\(.*?\\)]|\\[\\[.*?]]|\\[#[^\\]]*]|\\[/[^\\]]*]|/\\*\\[-.*?-]\\*/", Pattern.DOTALL);

	/** Static keys in templates: #{key} or #{key(args)}. */
	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-z0-9.\\-]+)[}(]");

	/**
	 * Static keys in Java: getMessage("key", ...) and new NotFoundException("key", ...).
	 */
	private static final Pattern JAVA_KEY = Pattern
		.compile("(?:getMessage|NotFoundException|NavigationItem)\\(\"([a-z0-9.\\-]*[a-z0-9])\"");

	@Test
	void templatesHoldNoTextOfTheirOwn() throws IOException {
		List<String> offenders = new ArrayList<>();
		for (Path template : files(TEMPLATES, ".html")) {
			String html = Files.readString(template);
			Matcher text = TEXT_NODE.matcher(html);
			while (text.find()) {
				String openingTag = html.substring(html.lastIndexOf('<', text.start()), text.start() + 1);
				boolean replaced = openingTag.contains("th:text") || openingTag.contains("th:utext")
						|| openingTag.contains("th:replace") || openingTag.contains("th:errors");
				if (!replaced) {
					offenders.add(TEMPLATES.relativize(template) + ": " + text.group(1).strip());
				}
			}
		}
		for (Path template : files(TEMPLATES, ".txt")) {
			String text = TEXT_TEMPLATE_CODE.matcher(Files.readString(template)).replaceAll("");
			text.lines()
				.filter(line -> line.codePoints().anyMatch(Character::isLetter))
				.forEach(line -> offenders.add(TEMPLATES.relativize(template) + ": " + line.strip()));
		}
		assertThat(offenders).as("text outside the message bundle").isEmpty();
	}

	@Test
	void everyKeyUsedExistsInTheBundle() throws IOException {
		Properties bundle = new Properties();
		try (var reader = new InputStreamReader(
				Files.newInputStream(Path.of("src/main/resources/messages/messages.properties")),
				StandardCharsets.UTF_8)) {
			bundle.load(reader);
		}
		List<String> missing = new ArrayList<>();
		for (Path template : templates()) {
			collectMissing(Files.readString(template), TEMPLATE_KEY, bundle, missing);
		}
		for (Path source : files(JAVA, ".java")) {
			collectMissing(Files.readString(source), JAVA_KEY, bundle, missing);
		}
		assertThat(missing).isEmpty();
		assertThat(bundle).containsKeys("error.404.heading", "error.403.heading", "error.5xx.heading");
	}

	private static void collectMissing(String text, Pattern keys, Properties bundle, List<String> missing) {
		Matcher key = keys.matcher(text);
		while (key.find()) {
			if (!bundle.containsKey(key.group(1))) {
				missing.add(key.group(1));
			}
		}
	}

	/** Pages and e-mails (HTML), and the plain text versions of e-mails. */
	private static List<Path> templates() throws IOException {
		return Stream.concat(files(TEMPLATES, ".html").stream(), files(TEMPLATES, ".txt").stream()).toList();
	}

	private static List<Path> files(Path root, String suffix) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter(path -> path.toString().endsWith(suffix)).toList();
		}
	}

}
