package fr.maillage.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole application on a real embedded PostgreSQL (a fresh folder under
 * {@code target/}), on a random port, with the small demo data set and a fixed clock.
 * Every test class with this annotation and no other settings shares one application
 * context, so the suite starts PostgreSQL and Spring once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { TestSettings.DATA_DIR, TestSettings.DEMO_SIZE, TestSettings.CLOCK })
public @interface MaillageIntegrationTest {

}
