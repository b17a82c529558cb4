/**
 * The site's own pages: home, legal notice, personal data, accessibility statement.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Site")
package fr.maillage.site;
