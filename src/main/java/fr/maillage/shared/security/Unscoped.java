package fr.maillage.shared.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a repository method (or a whole repository) that reads without a {@link Scope},
 * on purpose: public data, background jobs, or the security machinery itself. The reason
 * is mandatory; {@code ScopedQueriesTest} refuses any other reading method without a
 * Scope.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Unscoped {

	/** Why this read needs no scope. */
	String value();

}
