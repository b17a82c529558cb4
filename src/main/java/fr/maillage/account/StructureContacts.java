package fr.maillage.account;

import java.util.List;

/**
 * Whom other modules write to about a structure: its people, its Caf advisors, or — when
 * it has no account yet — its registry contact address with a claim link
 * (permissions.md). Background jobs call it, so it applies no scope: it returns addresses
 * to write to, never shows them.
 */
public interface StructureContacts {

	/** The enabled accounts holding a role on the structure. */
	List<Contact> peopleOf(long structureId);

	/**
	 * {@link #peopleOf} for every structure that has people, in one read: for pages and
	 * jobs that go through thousands of structures.
	 */
	java.util.Map<Long, List<Contact>> peopleByStructure();

	/** The enabled Caf advisors of a département. */
	List<Contact> advisorsOf(String departementCode);

	/**
	 * A link by which the holder of {@code email} becomes the structure's manager: single
	 * use, valid 7 days, void once someone manages it.
	 */
	String claimLink(long structureId, String email, String structureName);

	/** Someone to write to. */
	record Contact(String email, String displayName) {
	}

}
