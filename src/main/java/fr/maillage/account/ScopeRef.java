package fr.maillage.account;

import java.util.Optional;

import fr.maillage.shared.security.ScopeKind;

/**
 * A scope as forms and CSV files write it: {@code NATION}, {@code REGION:76},
 * {@code DEPARTEMENT:66} or {@code STRUCTURE:1234}.
 */
record ScopeRef(ScopeKind kind, String code) {

	static Optional<ScopeRef> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String value = text.strip().toUpperCase(java.util.Locale.ROOT);
		if (value.equals("NATION")) {
			return Optional.of(new ScopeRef(ScopeKind.NATION, null));
		}
		int colon = value.indexOf(':');
		if (colon < 0) {
			return Optional.empty();
		}
		try {
			ScopeKind kind = ScopeKind.valueOf(value.substring(0, colon));
			String code = value.substring(colon + 1).strip();
			// Only the canonical spelling of each code: "STRUCTURE:012" or "+12" would
			// name
			// structure 12 to Long.parseLong but not to the database, which compares
			// text.
			boolean canonical = switch (kind) {
				case NATION -> false;
				case REGION -> code.matches("[0-9]{2}");
				case DEPARTEMENT -> code.matches("[0-9]{2,3}|2[AB]");
				case STRUCTURE -> code.matches("[1-9][0-9]{0,17}");
			};
			return canonical ? Optional.of(new ScopeRef(kind, code)) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	static ScopeRef of(RoleAssignment assignment) {
		return new ScopeRef(assignment.scopeKind(), assignment.scopeCode());
	}

	@Override
	public String toString() {
		return (this.kind == ScopeKind.NATION) ? "NATION" : this.kind + ":" + this.code;
	}

}
