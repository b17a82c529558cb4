package fr.maillage.account;

/**
 * The invitation form, as typed. {@code scope} is a {@link ScopeRef} in text form, chosen
 * from the options the page offers. A JavaBean, so that field errors bind to it.
 */
public class InviteForm {

	private String email = "";

	private String displayName = "";

	private String role = "";

	private String scope = "";

	static InviteForm empty() {
		return new InviteForm();
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public String getRole() {
		return this.role;
	}

	public void setRole(String role) {
		this.role = role;
	}

	public String getScope() {
		return this.scope;
	}

	public void setScope(String scope) {
		this.scope = scope;
	}

}
