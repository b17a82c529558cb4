package fr.maillage.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long entries are kept, per category; older ones are removed by the daily purge
 * ({@code maillage.audit.purge-cron}).
 *
 * @param retention the retention periods
 */
@ConfigurationProperties("maillage.audit")
record AuditProperties(@DefaultValue Retention retention) {

	/**
	 * @param security sign-ins, failures, role changes…: one year, the upper end of what
	 * the CNIL advises for access logs
	 * @param data changes to data: five years, more than one approval period of a
	 * structure and several yearly campaigns
	 */
	record Retention(@DefaultValue("365d") Duration security, @DefaultValue("1825d") Duration data) {

	}

}
