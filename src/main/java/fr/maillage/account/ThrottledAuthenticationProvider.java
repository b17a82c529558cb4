package fr.maillage.account;

import java.time.Duration;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks the throttle before any password is compared, and records the outcome. A refused
 * attempt is not counted, so waiting is enough to try again.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String account = authentication.getName();
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : "unknown";
		Duration wait = this.throttle.refusal(account, address).orElse(null);
		if (wait != null) {
			throw new LoginThrottledException(wait);
		}
		try {
			Authentication result = this.passwords.authenticate(authentication);
			// With a second factor, the counter is cleared only once the code is right
			// too:
			// otherwise each correct password would buy a fresh series of code guesses.
			if (!(result.getPrincipal() instanceof AccountPrincipal user && user.secondFactorEnabled())) {
				this.throttle.recordSuccess(account);
			}
			return result;
		}
		catch (AuthenticationException ex) {
			this.throttle.recordFailure(account, address);
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** Too many recent failures on this account name or from this address. */
	static class LoginThrottledException extends AuthenticationException {

		private final Duration wait;

		LoginThrottledException(Duration wait) {
			super("Too many failed sign-ins; retry in " + wait);
			this.wait = wait;
		}

		Duration waitTime() {
			return this.wait;
		}

	}

}
