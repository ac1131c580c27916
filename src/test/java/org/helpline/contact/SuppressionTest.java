package org.helpline.contact;

import java.util.List;

import org.helpline.contact.Report.Count;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SuppressionTest {

	private final Suppression published = new Suppression(true, 5);

	@Test
	void countsFromOneToFourAreHiddenZeroAndFiveAreShown() {
		assertThat(published.breakdown(List.of(0L, 1L, 4L, 5L))).extracting(Count::json)
			.containsExactly(0L, "<5", "<5", 5L);
	}

	@Test
	void aLoneHiddenCellTakesTheNextSmallestWithItSoTheTotalCannotRevealIt() {
		// total 20 shown: 3 could be worked out as 20 - 10 - 7
		assertThat(published.breakdown(List.of(10L, 3L, 7L, 0L))).extracting(Count::json)
			.containsExactly(10L, "<5", "<5", 0L);
	}

	@Test
	void internalFiguresHideNothing() {
		assertThat(new Suppression(false, 5).breakdown(List.of(1L, 2L))).extracting(Count::json)
			.containsExactly(1L, 2L);
	}

	@Test
	void aChangeIsOnlyGivenBetweenVisibleCountsAndFromANonZeroStart() {
		assertThat(Suppression.changePercent(published.one(424), published.one(416))).isEqualTo(1.9);
		assertThat(Suppression.changePercent(published.one(10), published.one(3))).isNull();
		assertThat(Suppression.changePercent(published.one(10), published.one(0))).isNull();
	}

}
