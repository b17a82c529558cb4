package fr.maillage.shared;

import java.util.List;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fr.maillage.shared.security.Scope;
import fr.maillage.shared.security.Unscoped;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Repository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one scope mechanism is used: every reading method of a repository takes a
 * {@link Scope}, or says with {@link Unscoped} why it needs none (public data, background
 * jobs, the security machinery).
 */
class ScopedQueriesTest {

	private static final Set<String> READING_PREFIXES = Set.of("find", "list", "count", "search", "read", "page",
			"load", "get");

	private final JavaClasses classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
		.importPackages("fr.maillage");

	@Test
	void everyRepositoryReadTakesAScopeOrSaysWhyNot() {
		List<String> unscoped = this.classes.stream()
			.filter(type -> type.isAnnotatedWith(Repository.class))
			.filter(type -> !type.isAnnotatedWith(Unscoped.class))
			.flatMap(type -> type.getMethods().stream())
			.filter(ScopedQueriesTest::isReading)
			.filter(method -> !method.isAnnotatedWith(Unscoped.class))
			.filter(method -> method.getRawParameterTypes().stream().noneMatch(p -> p.isEquivalentTo(Scope.class)))
			.map(JavaMethod::getFullName)
			.toList();
		assertThat(unscoped).as("repository reads without a Scope nor @Unscoped").isEmpty();
	}

	@Test
	void theRuleSeesTheRepositories() {
		// Guards the test above against silently checking nothing.
		assertThat(this.classes.stream().filter(type -> type.isAnnotatedWith(Repository.class)).count())
			.isGreaterThanOrEqualTo(3);
	}

	private static boolean isReading(JavaMethod method) {
		return !method.getModifiers().contains(JavaModifier.PRIVATE)
				&& !method.getModifiers().contains(JavaModifier.SYNTHETIC)
				&& READING_PREFIXES.stream().anyMatch(method.getName()::startsWith);
	}

}
