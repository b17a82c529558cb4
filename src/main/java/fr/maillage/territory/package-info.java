/**
 * The official French geography: 18 regions, 101 départements and their communes, with
 * each commune's urban / rural class and population band. Read-only reference data,
 * loaded by a migration from the files under {@code src/main/resources/territory/}; and
 * the SVG map of the départements ({@link fr.maillage.territory.DepartementMap}).
 * <p>
 * Other modules use {@link fr.maillage.territory.TerritoryApi} and
 * {@link fr.maillage.territory.DepartementMap}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Territory")
package fr.maillage.territory;
