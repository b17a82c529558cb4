package fr.maillage.account;

import java.util.List;
import java.util.Optional;

import fr.maillage.account.Invitations.Invitation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matches a person an OIDC provider vouched for to a Maillage account, by e-mail address.
 * Nobody gets rights by signing in: either the address has an account, or it has open
 * invitations, which the sign-in accepts (the provider proved the address, as the link of
 * the invitation e-mail would have); otherwise nothing is created.
 */
@Service
class OidcAccounts {

	private final AccountUserDetailsService accounts;

	private final Invitations invitations;

	OidcAccounts(AccountUserDetailsService accounts, Invitations invitations) {
		this.accounts = accounts;
		this.invitations = invitations;
	}

	/** What a verified address leads to. */
	sealed interface Match {

		/** The account to sign in. */
		record Account(AccountPrincipal account) implements Match {
		}

		/**
		 * No sign-in.
		 *
		 * @param reason why
		 * @param accountId the account of the address, if it has one
		 */
		record Refused(OidcRefusal reason, Long accountId) implements Match {
		}

	}

	/**
	 * @param email the address, normalised, that the provider verified
	 * @param provider the registration id, recorded with the invitations accepted
	 */
	@Transactional
	Match match(String email, String provider) {
		Optional<AccountPrincipal> existing = this.accounts.loadByEmail(email);
		if (existing.isPresent()) {
			AccountPrincipal account = existing.get();
			return account.isEnabled() ? new Match.Account(account)
					: new Match.Refused(OidcRefusal.ACCOUNT_DISABLED, account.id());
		}
		List<Invitation> open = this.invitations.findOpen(email);
		if (open.isEmpty()) {
			return new Match.Refused(OidcRefusal.NO_ACCOUNT, null);
		}
		// Every open invitation was meant for this person: all of them are accepted.
		long userId = open.stream()
			.mapToLong(invitation -> this.invitations.acceptWithoutPassword(invitation, provider))
			.reduce((first, same) -> same)
			.getAsLong();
		return new Match.Account(this.accounts.loadById(userId).orElseThrow());
	}

}
