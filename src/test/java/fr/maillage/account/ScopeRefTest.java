package fr.maillage.account;

import fr.maillage.shared.security.ScopeKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScopeRefTest {

	@Test
	void readsTheScopesFormsAndFilesWrite() {
		assertThat(ScopeRef.parse(" nation ")).contains(new ScopeRef(ScopeKind.NATION, null));
		assertThat(ScopeRef.parse("REGION:76")).contains(new ScopeRef(ScopeKind.REGION, "76"));
		assertThat(ScopeRef.parse("departement:2a")).contains(new ScopeRef(ScopeKind.DEPARTEMENT, "2A"));
		assertThat(ScopeRef.parse("DEPARTEMENT:974")).contains(new ScopeRef(ScopeKind.DEPARTEMENT, "974"));
		assertThat(ScopeRef.parse("STRUCTURE:1234")).contains(new ScopeRef(ScopeKind.STRUCTURE, "1234"));
	}

	@Test
	void refusesOtherSpellingsOfTheSameScopeWhichTheDatabaseWouldNotRecognise() {
		assertThat(ScopeRef.parse("STRUCTURE:012")).isEmpty();
		assertThat(ScopeRef.parse("STRUCTURE:+12")).isEmpty();
		assertThat(ScopeRef.parse("STRUCTURE:0")).isEmpty();
		assertThat(ScopeRef.parse("REGION:076")).isEmpty();
		assertThat(ScopeRef.parse("DEPARTEMENT:6")).isEmpty();
		assertThat(ScopeRef.parse("NATION:FR")).isEmpty();
		assertThat(ScopeRef.parse("PLANETE:3")).isEmpty();
	}

	@Test
	void comparesStructureIdsAsNumbers() {
		assertThat(new RoleAssignment(1, fr.maillage.shared.security.Role.STRUCTURE_STAFF, ScopeKind.STRUCTURE, "12")
			.isOnStructure(12)).isTrue();
	}

}
