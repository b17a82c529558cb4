package fr.maillage.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily reminders: on a day when the deadline is one of the campaign's reminder days
 * away, every response not submitted (not started, in progress, returned) gets one, to
 * the structure's people or to its registry address; submitted and validated ones never;
 * a second run the same day sends nothing; an extension moves the day.
 */
@MaillageIntegrationTest
class ScheduledRemindersTest {

	static final String MANAGER_66 = "direction.cs66@maillage.example";

	static final String STAFF_66 = "equipe.cs66@maillage.example";

	/** A deadline no other test campaign has, so that only ours are due. */
	static final LocalDate CLOSES = LocalDate.of(2027, 3, 17);

	private static final AtomicInteger YEARS = new AtomicInteger(2430);

	@Autowired
	Reminders reminders;

	@Autowired
	JdbcClient jdbc;

	private CampaignFixtures fixtures;

	private int year;

	private long campaign;

	private Map<ResponseStatus, Long> responses;

	private Map<ResponseStatus, String> addresses;

	private long ownResponse;

	private long extended;

	private String extendedAddress;

	@BeforeEach
	void aResponseInEachStatus() {
		this.fixtures = new CampaignFixtures(this.jdbc);
		this.year = YEARS.getAndIncrement();
		this.campaign = this.fixtures.campaign(this.year, LocalDate.of(2026, 11, 1), CLOSES);
		List<Long> structures = this.fixtures.structuresWithoutAccounts("66", "CS", 6);
		ResponseStatus[] statuses = ResponseStatus.values();
		this.responses = new java.util.EnumMap<>(ResponseStatus.class);
		this.addresses = new java.util.EnumMap<>(ResponseStatus.class);
		for (int i = 0; i < statuses.length; i++) {
			this.responses.put(statuses[i], this.fixtures.response(this.campaign, structures.get(i), statuses[i]));
			this.addresses.put(statuses[i], this.fixtures.emailOf(structures.get(i)));
		}
		// The demo centre with accounts, in progress: its people are reminded.
		this.ownResponse = this.fixtures.response(this.campaign, this.fixtures.structureOf(MANAGER_66),
				ResponseStatus.IN_PROGRESS);
		// Given until 20 March: 10 days away on the 10th, not a reminder day.
		this.extended = this.fixtures.response(this.campaign, structures.get(5), ResponseStatus.IN_PROGRESS);
		this.extendedAddress = this.fixtures.emailOf(structures.get(5));
		this.jdbc
			.sql("insert into response_extension (response_id, until_on, granted_at) values (?, '2027-03-20', now())")
			.param(this.extended)
			.update();
	}

	@AfterEach
	void removeTheCampaign() {
		this.fixtures.remove(this.year, this.year);
	}

	@Test
	void sevenDaysBeforeTheDeadlineOnlyThoseWhoHaveNotSubmittedAreReminded() {
		Map<ResponseStatus, Integer> before = new java.util.EnumMap<>(ResponseStatus.class);
		this.addresses.forEach((status, address) -> before.put(status, this.fixtures.remindersTo(address)));
		int managerBefore = this.fixtures.remindersTo(MANAGER_66);
		int staffBefore = this.fixtures.remindersTo(STAFF_66);
		int extendedBefore = this.fixtures.remindersTo(this.extendedAddress);

		int sent = this.reminders.remindDue(CLOSES.minusDays(7));

		assertThat(sent).isGreaterThanOrEqualTo(4);
		for (ResponseStatus status : List.of(ResponseStatus.NOT_STARTED, ResponseStatus.IN_PROGRESS,
				ResponseStatus.RETURNED)) {
			assertThat(this.fixtures.remindersTo(this.addresses.get(status))).as(status.name())
				.isEqualTo(before.get(status) + 1);
			assertThat(this.fixtures.reminderRows(this.responses.get(status))).isEqualTo(1);
		}
		for (ResponseStatus status : List.of(ResponseStatus.SUBMITTED, ResponseStatus.VALIDATED)) {
			assertThat(this.fixtures.remindersTo(this.addresses.get(status))).as(status.name())
				.isEqualTo(before.get(status));
			assertThat(this.fixtures.reminderRows(this.responses.get(status))).isZero();
		}
		assertThat(this.fixtures.remindersTo(MANAGER_66)).isEqualTo(managerBefore + 1);
		assertThat(this.fixtures.remindersTo(STAFF_66)).isEqualTo(staffBefore + 1);
		assertThat(this.fixtures.remindersTo(this.extendedAddress)).isEqualTo(extendedBefore);
		assertThat(this.fixtures.reminderRows(this.extended)).isZero();
		assertThat(this.jdbc.sql("select distinct trigger from response_reminder where response_id = ?")
			.param(this.ownResponse)
			.query(String.class)
			.list()).containsExactly("SCHEDULED");
		String body = this.jdbc.sql("""
				select body_text from email_outbox where template = 'response-reminder' and lower(recipient) = lower(?)
				order by id desc limit 1""")
			.param(this.addresses.get(ResponseStatus.RETURNED))
			.query(String.class)
			.single();
		assertThat(body).contains("17 mars 2027", "dans 7 jours", "renvoyé pour correction", "/invitation/");

		// The same day again: nothing more.
		assertThat(this.reminders.remindDue(CLOSES.minusDays(7))).isZero();
		for (ResponseStatus status : ResponseStatus.values()) {
			int expected = before.get(status) + (TrackingRepository.LATE.contains(status.name()) ? 1 : 0);
			assertThat(this.fixtures.remindersTo(this.addresses.get(status))).as(status.name()).isEqualTo(expected);
		}
		assertThat(this.fixtures.remindersTo(MANAGER_66)).isEqualTo(managerBefore + 1);
	}

	@Test
	void onlyOnTheCampaignsReminderDaysAndTheExtensionsOwn() {
		int before = this.fixtures.remindersTo(this.addresses.get(ResponseStatus.NOT_STARTED));
		// 5 days before: not a reminder day.
		this.reminders.remindDue(CLOSES.minusDays(5));
		assertThat(this.fixtures.remindersTo(this.addresses.get(ResponseStatus.NOT_STARTED))).isEqualTo(before);
		assertThat(this.fixtures.reminderRows(this.responses.get(ResponseStatus.NOT_STARTED))).isZero();
		// 20 March minus 7 days: the extended one alone among ours.
		int extendedBefore = this.fixtures.remindersTo(this.extendedAddress);
		this.reminders.remindDue(LocalDate.of(2027, 3, 13));
		assertThat(this.fixtures.remindersTo(this.extendedAddress)).isEqualTo(extendedBefore + 1);
		assertThat(this.fixtures.reminderRows(this.responses.get(ResponseStatus.NOT_STARTED))).isZero();
		// The campaign's own days: 3 days before when it says so.
		this.jdbc.sql("update campaign set reminder_days = '{3}' where id = ?").param(this.campaign).update();
		this.reminders.remindDue(CLOSES.minusDays(3));
		assertThat(this.fixtures.remindersTo(this.addresses.get(ResponseStatus.NOT_STARTED))).isEqualTo(before + 1);
		this.reminders.remindDue(CLOSES.minusDays(7));
		assertThat(this.fixtures.reminderRows(this.responses.get(ResponseStatus.NOT_STARTED))).isEqualTo(1);
	}

}
