package fr.maillage.account;

/**
 * Why an OIDC sign-in was refused: the code goes to the audit trail, the rest to the
 * French page ({@code oidc.refused.<code>.*} messages).
 */
enum OidcRefusal {

	/** Neither an account nor an open invitation for the address. */
	NO_ACCOUNT("no-account"),
	/** The address's account was deactivated. */
	ACCOUNT_DISABLED("account-disabled"),
	/** The provider gave no address. */
	EMAIL_MISSING("email-missing"),
	/** The provider does not say it verified the address. */
	EMAIL_UNVERIFIED("email-unverified"),
	/** The authentication level ({@code acr}) is not one we asked for. */
	ACR_NOT_ACCEPTED("acr-not-accepted"),
	/**
	 * Anything else: the person cancelled, an invalid token or answer, a session that
	 * expired during the round trip.
	 */
	PROVIDER_ERROR("provider-error");

	private final String code;

	OidcRefusal(String code) {
		this.code = code;
	}

	String code() {
		return this.code;
	}

}
