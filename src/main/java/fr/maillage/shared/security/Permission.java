package fr.maillage.shared.security;

import java.util.EnumSet;
import java.util.Set;

import static fr.maillage.shared.security.Role.CAF_ADVISOR;
import static fr.maillage.shared.security.Role.FEDERATION;
import static fr.maillage.shared.security.Role.NATIONAL_ADMIN;
import static fr.maillage.shared.security.Role.REVIEWER;
import static fr.maillage.shared.security.Role.STRUCTURE_MANAGER;
import static fr.maillage.shared.security.Role.STRUCTURE_STAFF;

/**
 * The actions of {@code shared/design/permissions.md}, each with the roles that grant it.
 * A role grants an action within the scope it is held on, except the actions marked
 * {@code anywhere}, which are on public objects.
 */
public enum Permission {

	/** Create and edit structures, approvals, social projects; import the registry. */
	EDIT_REGISTRY(NATIONAL_ADMIN, CAF_ADVISOR),
	/** Edit a structure's contact and descriptive fields. */
	EDIT_STRUCTURE_DESCRIPTION(NATIONAL_ADMIN, CAF_ADVISOR, STRUCTURE_MANAGER, STRUCTURE_STAFF),
	/** Read non-public registry data (approval documents, history). */
	READ_PRIVATE_REGISTRY(NATIONAL_ADMIN, CAF_ADVISOR, FEDERATION, REVIEWER, STRUCTURE_MANAGER, STRUCTURE_STAFF),
	/** Define questionnaires, indicators, taxonomies; open and close campaigns. */
	DEFINE_OBSERVATORY(NATIONAL_ADMIN),
	/** Answer and submit the questionnaire. */
	ANSWER_QUESTIONNAIRE(STRUCTURE_MANAGER, STRUCTURE_STAFF),
	/** Read answers, whatever their status. */
	READ_ANSWERS(NATIONAL_ADMIN, CAF_ADVISOR, FEDERATION, REVIEWER, STRUCTURE_MANAGER, STRUCTURE_STAFF),
	/** Comment on answers and return them for correction. */
	RETURN_FOR_CORRECTION(NATIONAL_ADMIN, CAF_ADVISOR, FEDERATION, REVIEWER),
	/** Validate or un-validate a response (never one's own structure's). */
	VALIDATE_RESPONSE(NATIONAL_ADMIN, CAF_ADVISOR, REVIEWER),
	/** Grant a deadline extension. */
	GRANT_EXTENSION(NATIONAL_ADMIN, CAF_ADVISOR),
	/** Mark a year's figures final for a territory; publish a report. */
	MARK_FIGURES_FINAL(NATIONAL_ADMIN, CAF_ADVISOR),
	/** Record the federation's agreement to final figures. */
	AGREE_FIGURES_FINAL(FEDERATION),
	/** Write and submit action sheets. */
	WRITE_ACTION_SHEETS(STRUCTURE_MANAGER, STRUCTURE_STAFF),
	/** Publish, return or hide action sheets. */
	MODERATE_ACTION_SHEETS(NATIONAL_ADMIN, CAF_ADVISOR, FEDERATION, REVIEWER),
	/** Flag a published action sheet. */
	FLAG_ACTION_SHEET(true, NATIONAL_ADMIN, CAF_ADVISOR, FEDERATION, REVIEWER, STRUCTURE_MANAGER, STRUCTURE_STAFF),
	/** Invite people and manage their roles (see {@link Role#grantableRoles()}). */
	MANAGE_USERS(NATIONAL_ADMIN, CAF_ADVISOR, FEDERATION, STRUCTURE_MANAGER),
	/** Read the audit trail. */
	READ_AUDIT(NATIONAL_ADMIN, CAF_ADVISOR, STRUCTURE_MANAGER),
	/** Read the e-mail outbox. */
	READ_OUTBOX(NATIONAL_ADMIN),
	/** Confirm the erasure of a person's data. */
	CONFIRM_ERASURE(NATIONAL_ADMIN);

	private final boolean anywhere;

	private final Set<Role> roles;

	Permission(Role... roles) {
		this(false, roles);
	}

	Permission(boolean anywhere, Role... roles) {
		this.anywhere = anywhere;
		this.roles = EnumSet.of(roles[0], roles);
	}

	public boolean grantedTo(Role role) {
		return this.roles.contains(role);
	}

	/**
	 * Whether the action is on public objects, so the holder's scope does not limit it.
	 */
	public boolean anywhere() {
		return this.anywhere;
	}

	public Set<Role> roles() {
		return EnumSet.copyOf(this.roles);
	}

}
