package fr.maillage.campaign;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import fr.maillage.shared.security.Unscoped;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaigns: national, so the same for every reader. */
@Repository
class CampaignRepository {

	private final JdbcClient jdbc;

	CampaignRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Unscoped("campaigns are national: every reader sees the same ones")
	Optional<Campaign> find(long id) {
		return this.jdbc
			.sql("""
					select id, data_year, opens_on, closes_on, questionnaire_version_id, opened_at from campaign where id = ?""")
			.param(id)
			.query(CampaignRepository::campaign)
			.optional();
	}

	@Unscoped("campaigns are national: every reader sees the same ones")
	boolean yearTaken(int dataYear) {
		return this.jdbc.sql("select count(*) from campaign where data_year = ?")
			.param(dataYear)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Stores a campaign; empty if its data year is already taken (checked again here, for
	 * two administrators racing).
	 */
	Optional<Long> insert(CampaignCommand command, Instant now, Long userId) {
		return this.jdbc.sql("""
				insert into campaign (data_year, opens_on, closes_on, questionnaire_version_id, created_at,
				                      created_by)
				values (?, ?, ?, ?, ?, ?) on conflict (data_year) do nothing returning id""")
			.params(command.dataYear(), Date.valueOf(command.opensOn()), Date.valueOf(command.closesOn()),
					command.questionnaireVersionId(), Timestamp.from(now), userId)
			.query(Long.class)
			.optional();
	}

	/**
	 * Marks the campaign opened unless it was already: false then (two administrators
	 * racing open it once).
	 */
	boolean markOpened(long id, Instant now) {
		return this.jdbc.sql("update campaign set opened_at = ? where id = ? and opened_at is null")
			.params(Timestamp.from(now), id)
			.update() == 1;
	}

	@Unscoped("campaigns are national: every reader sees the same ones")
	java.util.List<Campaign> all() {
		return this.jdbc.sql("""
				select id, data_year, opens_on, closes_on, questionnaire_version_id, opened_at from campaign
				order by data_year desc""").query(CampaignRepository::campaign).list();
	}

	/**
	 * Column by column: JdbcClient's mapping to a record tries each camelCase component
	 * as a column name first and throws an exception for it, on every row; {@link #find}
	 * runs on every autosave.
	 */
	@Unscoped("campaigns are national: every reader sees the same ones")
	java.util.List<Integer> reminderDays(long campaignId) {
		return this.jdbc.sql("select unnest(reminder_days) from campaign where id = ? order by 1 desc")
			.param(campaignId)
			.query(Integer.class)
			.list();
	}

	void setReminderDays(long campaignId, java.util.List<Integer> days) {
		this.jdbc.sql("update campaign set reminder_days = ? where id = ?")
			.params(days.toArray(Integer[]::new), campaignId)
			.update();
	}

	private static Campaign campaign(ResultSet rs, int row) throws SQLException {
		return new Campaign(rs.getLong("id"), rs.getInt("data_year"), rs.getObject("opens_on", LocalDate.class),
				rs.getObject("closes_on", LocalDate.class), rs.getLong("questionnaire_version_id"),
				(rs.getTimestamp("opened_at") != null) ? rs.getTimestamp("opened_at").toInstant() : null);
	}

}
