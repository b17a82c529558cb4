/**
 * Demo data: runs every module's {@link fr.maillage.shared.demo.DemoDataStep} on an empty
 * database, deterministically from a seed and a reference date, and records what it did.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package fr.maillage.demo;
