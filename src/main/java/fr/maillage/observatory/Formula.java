package fr.maillage.observatory;

/**
 * How an indicator is computed: an aggregate over the validated answers to a question (or
 * a ratio of two questions' sums), or over a registry field of the campaign's structures.
 *
 * @param question the question code, or the registry field for
 * {@link Type#REGISTRY_SHARE}
 * @param denominator the second question of a {@link Type#RATIO}, else null
 */
public record Formula(Type type, String question, String denominator) {

	/** Whether the figure uses public registry fields only. */
	public boolean registry() {
		return this.type == Type.REGISTRY_COUNT || this.type == Type.REGISTRY_SHARE;
	}

	@Override
	public String toString() {
		return switch (this.type) {
			case REGISTRY_COUNT -> "count(registre)";
			case REGISTRY_SHARE -> "share(registre." + this.question + ")";
			case RATIO -> "ratio(" + this.question + ", " + this.denominator + ")";
			default -> this.type.name().toLowerCase(java.util.Locale.ROOT) + "(" + this.question + ")";
		};
	}

	public enum Type {

		REGISTRY_COUNT, REGISTRY_SHARE, SUM, MEAN, MEDIAN, SHARE, RATIO

	}

	/** The registry fields a {@code share(registre.…)} may name. */
	public enum RegistryField {

		GESTION_ASSOCIATIVE, RURAL, QPV, FEDERATION;

		static RegistryField of(String name) {
			for (RegistryField field : values()) {
				if (field.name().equalsIgnoreCase(name)) {
					return field;
				}
			}
			return null;
		}

	}

}
