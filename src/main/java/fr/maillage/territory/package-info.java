/**
 * The official French geography: 18 regions, 101 départements and their communes, with
 * each commune's urban / rural class and population band. Read-only reference data,
 * loaded by a migration from the files under {@code src/main/resources/territory/}.
 * <p>
 * Other modules use {@link fr.maillage.territory.TerritoryApi}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Territory")
package fr.maillage.territory;
