package fr.maillage.account;

/** Choosing one's name and first password from an invitation link. */
public class AcceptInvitationForm extends PasswordForm {

	private String displayName = "";

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

}
