package fr.maillage.database;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

/**
 * Tries one connection to the external database as soon as its pool is created, before
 * the pool, Flyway or anything else does: an unreachable database then stops the start
 * with one clear line (see {@link StartupFailureAnalyzer}) instead of a pool's stack
 * trace.
 */
@Configuration(proxyBeanMethods = false)
class ExternalDatabaseConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@Conditional(OnExternalDatabase.class)
	static BeanPostProcessor externalDatabaseProbe() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource dataSource) {
					probe(dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword());
				}
				return bean;
			}
		};
	}

	static void probe(String url, String username, String password) {
		Properties properties = new Properties();
		if (username != null) {
			properties.setProperty("user", username);
		}
		if (password != null) {
			properties.setProperty("password", password);
		}
		properties.setProperty("connectTimeout", "10");
		properties.setProperty("loginTimeout", "15");
		try (var connection = DriverManager.getConnection(url, properties)) {
			connection.isValid(5);
		}
		catch (SQLException ex) {
			throw DatabaseUnreachableException.of(url, ex);
		}
	}

	static class OnExternalDatabase extends OnEmbeddedDatabase {

		@Override
		public boolean matches(org.springframework.context.annotation.ConditionContext context,
				org.springframework.core.type.AnnotatedTypeMetadata metadata) {
			return !super.matches(context, metadata);
		}

	}

}
