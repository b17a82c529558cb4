package fr.maillage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Maillage: the observatory and partner portal of the "animation de la vie sociale"
 * network. Each top-level package below this one is a Spring Modulith module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MaillageApplication {

	public static void main(String[] args) {
		SpringApplication.run(MaillageApplication.class, args);
	}

}
