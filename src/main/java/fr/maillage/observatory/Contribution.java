package fr.maillage.observatory;

import java.util.Map;

/**
 * What one structure brings to a data year's figures: where it is, its public registry
 * fields, and, when its response is validated, its answers to the questions the
 * indicators read (canonical text by code).
 */
record Contribution(long structureId, String kind, String regionCode, String departementCode, String band,
		boolean rural, boolean association, boolean qpv, boolean federation, boolean validated,
		Map<String, String> answers) {

	boolean registryField(Formula.RegistryField field) {
		return switch (field) {
			case GESTION_ASSOCIATIVE -> this.association;
			case RURAL -> this.rural;
			case QPV -> this.qpv;
			case FEDERATION -> this.federation;
		};
	}

}
