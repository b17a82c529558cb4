/**
 * Small cross-cutting pieces every module may use: web layout and error helpers, the
 * route access contract, the demo data contract, the clock. Nothing domain-specific lives
 * here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package fr.maillage.shared;
