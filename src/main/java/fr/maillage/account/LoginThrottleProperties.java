package fr.maillage.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed sign-ins are slowed down.
 *
 * @param accountFreeFailures failures allowed on one account name before it is blocked
 * @param accountFirstBlock the first block; each further failure doubles it
 * @param accountMaxBlock the longest block of an account
 * @param accountWindow failures older than this, with none since, are forgotten
 * @param addressMaxFailures failures allowed from one client address within the window;
 * high, since a whole Caf office may share one address
 * @param addressWindow the window of the address counter
 * @param addressBlock how long an address is blocked past its limit
 */
@ConfigurationProperties("maillage.login-throttle")
record LoginThrottleProperties(@DefaultValue("5") int accountFreeFailures,
		@DefaultValue("1m") Duration accountFirstBlock, @DefaultValue("1h") Duration accountMaxBlock,
		@DefaultValue("24h") Duration accountWindow, @DefaultValue("100") int addressMaxFailures,
		@DefaultValue("1h") Duration addressWindow, @DefaultValue("15m") Duration addressBlock) {
}
