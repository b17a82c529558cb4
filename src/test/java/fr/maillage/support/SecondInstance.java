package fr.maillage.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import fr.maillage.MaillageApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Another instance of the application in the same JVM, on the database of the test's
 * instance, as a second node behind a load balancer would be.
 */
public final class SecondInstance {

	private SecondInstance() {
	}

	/** Starts it on a free port; {@code args} are extra {@code --name=value} settings. */
	public static ConfigurableApplicationContext start(String jdbcUrl, String... args) {
		List<String> all = new ArrayList<>(
				List.of("--server.port=0", "--spring.datasource.url=" + jdbcUrl, "--" + TestSettings.CLOCK));
		all.addAll(List.of(args));
		return new SpringApplicationBuilder(MaillageApplication.class)
			.initializers(context -> context.getBeanFactory()
				.registerSingleton("applicationClassesOnly", new ApplicationClassesOnly()))
			// Arguments, which win over application.properties (default properties do
			// not).
			.run(all.toArray(String[]::new));
	}

	/** Leaves the tests' own beans (test controllers, configurations) out of the scan. */
	static final class ApplicationClassesOnly extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
			return reader.getResource().getURL().toString().contains("/test-classes/");
		}

	}

}
