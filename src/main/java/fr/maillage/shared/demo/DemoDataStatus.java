package fr.maillage.shared.demo;

/**
 * Whether this database holds demo data: the layout then shows a "données fictives"
 * banner.
 */
public interface DemoDataStatus {

	boolean present();

}
