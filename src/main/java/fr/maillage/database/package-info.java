/**
 * Where the data lives: an embedded PostgreSQL started by the application when no
 * {@code spring.datasource.url} is given, or the external PostgreSQL it names; and the
 * clear start-up failures when neither can be used. No other module depends on this one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package fr.maillage.database;
