package fr.maillage.account;

import java.util.List;

import fr.maillage.shared.security.Role;

/**
 * The demo accounts, for tests outside this package: {@link DemoAccounts} keeps them
 * package-private, and the tests should follow it rather than a copy.
 */
public final class DemoAccountFixtures {

	private DemoAccountFixtures() {
	}

	/** The password shared by every demo account. */
	public static String password() {
		return DemoAccounts.PASSWORD;
	}

	/**
	 * The TOTP secret of a demo national administrator for the default seed; tests
	 * compute the current code from it with {@link Totp#code}.
	 */
	public static String totpSecret(String email) {
		return SecondFactor.demoSecret(20260, email);
	}

	/** One account per role, in the order of the start log. */
	public static List<DemoAccount> accounts() {
		return DemoAccounts.ACCOUNTS.stream()
			.map(account -> new DemoAccount(account.role(), account.email(), account.displayName()))
			.toList();
	}

	/**
	 * A demo account as a test sees it; named by its role in parameterized test names.
	 *
	 * @param role the only role of the account
	 * @param email the sign-in address
	 * @param displayName the name the pages greet
	 */
	public record DemoAccount(Role role, String email, String displayName) {

		@Override
		public String toString() {
			return this.role.name();
		}

	}

}
