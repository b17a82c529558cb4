package fr.maillage.account;

/**
 * Choosing a password (reset link or account page); {@code current} only on the account
 * page.
 */
public class PasswordForm {

	private String current = "";

	private String password = "";

	private String confirmation = "";

	public String getCurrent() {
		return this.current;
	}

	public void setCurrent(String current) {
		this.current = current;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getConfirmation() {
		return this.confirmation;
	}

	public void setConfirmation(String confirmation) {
		this.confirmation = confirmation;
	}

	/** The rule and the confirmation, as field errors. */
	void check(String email, org.springframework.validation.Errors errors) {
		PasswordRule.check(this.password, email).forEach(problem -> errors.rejectValue("password", problem));
		if (!errors.hasFieldErrors("password") && !this.password.equals(this.confirmation)) {
			errors.rejectValue("confirmation", "password.rule.confirmation");
		}
	}

	/** Typed passwords are never sent back to the browser. */
	void clear() {
		this.current = "";
		this.password = "";
		this.confirmation = "";
	}

}
