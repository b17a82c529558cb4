package fr.maillage.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's campaigns for a number of past years ({@code maillage.demo.campaign-years}):
 * consecutive data years, each past one closed before the reference date, then the
 * current one; a structure's answers follow each other over the whole span.
 */
class DemoCampaignWindowsTest {

	static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 11, 27);

	@Test
	void tenPastYearsAreTheTenDataYearsBeforeTheCurrentOne() {
		List<DemoCampaigns.Window> windows = DemoCampaigns.windows(REFERENCE_DATE, 10);
		assertThat(windows).extracting(DemoCampaigns.Window::dataYear)
			.containsExactly(2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025);
		for (DemoCampaigns.Window past : windows.subList(0, 10)) {
			assertThat(past.opensOn()).isEqualTo(LocalDate.of(past.dataYear() + 1, 3, 1));
			assertThat(past.closesOn()).isEqualTo(LocalDate.of(past.dataYear() + 1, 5, 31)).isBefore(REFERENCE_DATE);
		}
		assertThat(windows.getLast().opensOn()).isBefore(REFERENCE_DATE);
		assertThat(windows.getLast().closesOn()).isAfter(REFERENCE_DATE);
		// The default stays the five years the README and the tests describe.
		assertThat(DemoCampaigns.windows(REFERENCE_DATE, DemoCampaigns.PAST_CAMPAIGNS))
			.extracting(DemoCampaigns.Window::dataYear)
			.containsExactly(2020, 2021, 2022, 2023, 2024, 2025);
	}

	@Test
	void aStructureIsAskedEveryYearItWasApprovedAndItsHistoryCoversThemAll() {
		List<Integer> years = DemoCampaigns.windows(REFERENCE_DATE, 10)
			.stream()
			.map(DemoCampaigns.Window::dataYear)
			.toList();
		// Approved since 1991, with only its last two terms recorded: every year.
		assertThat(years.stream().filter(DemoAnswersTest.CENTRE::approvedIn)).containsExactlyElementsOf(years);
		// First approved in 2022: from 2022 on.
		assertThat(years.stream().filter(DemoAnswersTest.EVS::approvedIn)).containsExactly(2022, 2023, 2024, 2025);
		List<DemoAnswers.Year> history = new DemoAnswers(DemoAnswersTest.CENTRE, new SplittableRandom(3)).history(2015,
				2025);
		assertThat(history).extracting(DemoAnswers.Year::year).containsExactlyElementsOf(years);
		for (DemoAnswers.Year year : history) {
			assertThat(DemoAnswersTest.CENTRE.approvalEndOn(LocalDate.of(year.year(), 12, 31)))
				.isAfterOrEqualTo(LocalDate.of(year.year(), 12, 31));
			assertThat(year.values().get("date_fin_agrement"))
				.isEqualTo(DemoAnswersTest.CENTRE.approvalEndOn(LocalDate.of(year.year(), 12, 31)));
		}
	}

}
