package org.helpline.menu;

import java.time.Instant;
import java.util.List;

import org.helpline.IntegrationTest;
import org.helpline.helplines.ChangeRefusedException;
import org.helpline.helplines.HelplineSettings;
import org.helpline.helplines.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Menus are versioned, restorable, validated whole and served from a cache emptied on change. */
class MenusTest extends IntegrationTest {

	@Autowired
	Menus menus;

	long helpline;

	@BeforeEach
	void stopItNow() {
		helpline = helplines.create(new HelplineSettings("Stop it Now", List.of("08002666436"), null, null, null, null))
			.id();
		clock.set(Instant.parse("2027-01-05T09:00:00Z"));
	}

	@Test
	void aHelplineWithoutSavedMenuHasTheDefaults() {
		assertThat(menus.current(helpline)).isEqualTo(Menu.defaults());
		assertThat(menus.currentVersion(helpline).version()).isZero();
		assertThat(menus.history(helpline)).isEmpty();
	}

	@Test
	void eachSaveAddsTheNextVersionAndHistoryIsNewestFirst() {
		menus.save(helpline, welcomeOnly(), "anna");
		clock.set(Instant.parse("2027-01-06T10:00:00Z"));
		MenuVersion second = menus.save(helpline, Menu.defaults(), "bert");

		assertThat(second.version()).isEqualTo(2);
		assertThat(menus.history(helpline)).extracting(MenuVersion::version, MenuVersion::createdBy,
				MenuVersion::createdAt, MenuVersion::restoredFrom)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(2, "bert", Instant.parse("2027-01-06T10:00:00Z"), null),
					org.assertj.core.groups.Tuple.tuple(1, "anna", Instant.parse("2027-01-05T09:00:00Z"), null));
		assertThat(menus.history(helpline).getLast().menu()).isEqualTo(welcomeOnly());
	}

	@Test
	void restoringAddsAVersionWithTheOldContent() {
		menus.save(helpline, welcomeOnly(), "anna");
		menus.save(helpline, Menu.defaults(), "anna");

		MenuVersion restored = menus.restore(helpline, 1, "bert");

		assertThat(restored.version()).isEqualTo(3);
		assertThat(restored.restoredFrom()).isEqualTo(1);
		assertThat(menus.current(helpline)).isEqualTo(welcomeOnly());
		assertThat(menus.history(helpline).getFirst()).isEqualTo(restored);
	}

	@Test
	void aRefusedMenuLeavesTheOneInForce() {
		menus.save(helpline, welcomeOnly(), "anna");
		Menu loops = new Menu("welcome", List.of("nl", "en"), new Choice("choose-group",
				List.of(new Option("1", Action.QUEUE, "SELF", null, null),
						new Option("8", Action.MESSAGE_AND_RETURN, null, null, "alternatives")),
				5, 2, "8", null, null), true);

		assertThatThrownBy(() -> menus.save(helpline, loops, "anna")).isInstanceOfSatisfying(ChangeRefusedException.class,
				ex -> assertThat(ex.problems()).extracting(p -> p.field()).containsExactly("choice.defaultDigit"));
		assertThat(menus.current(helpline)).isEqualTo(welcomeOnly());
		assertThat(menus.history(helpline)).hasSize(1);
	}

	@Test
	void anOldVersionIsValidatedAgainBeforeItIsRestored() {
		// Stored when its prompt still existed; the prompt has since gone.
		jdbc.sql("""
				insert into menu_version (helpline_id, version, definition, created_at, created_by)
				values (?, 1, '{"welcome":"welcome-of-2026","languages":["nl"],"choice":null,"skipPromptOnKey":true}',
				  current_timestamp, 'anna')""").param(helpline).update();
		menus.save(helpline, Menu.defaults(), "anna");

		assertThatThrownBy(() -> menus.restore(helpline, 1, "bert")).isInstanceOf(ChangeRefusedException.class)
			.hasMessageContaining("welcome-of-2026");
		assertThat(menus.currentVersion(helpline).version()).isEqualTo(2);
	}

	@Test
	void theMenuInForceIsServedFromMemoryUntilASaveEmptiesTheCache() {
		assertThat(menus.current(helpline)).isEqualTo(Menu.defaults());
		// Written past the service, as another instance would: not seen while cached.
		jdbc.sql("""
				insert into menu_version (helpline_id, version, definition, created_at, created_by)
				values (?, 1, '{"welcome":"welcome","languages":["en"],"choice":null,"skipPromptOnKey":true}',
				  current_timestamp, 'other-instance')""").param(helpline).update();
		assertThat(menus.current(helpline)).isEqualTo(Menu.defaults());

		menus.save(helpline, welcomeOnly(), "anna");

		assertThat(menus.current(helpline)).isEqualTo(welcomeOnly());
		assertThat(menus.currentVersion(helpline).version()).isEqualTo(2);
	}

	@Test
	void unknownHelplinesAndVersionsAreNamed() {
		assertThatThrownBy(() -> menus.current(helpline + 1)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> menus.save(helpline + 1, Menu.defaults(), "anna"))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> menus.history(helpline + 1)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> menus.restore(helpline, 4, "anna")).isInstanceOf(NotFoundException.class);
	}

	@Test
	void removingTheHelplineRemovesItsMenus() {
		menus.save(helpline, welcomeOnly(), "anna");

		helplines.delete(helpline);

		assertThat(jdbc.sql("select count(*) from menu_version").query(Integer.class).single()).isZero();
		assertThatThrownBy(() -> menus.current(helpline)).isInstanceOf(NotFoundException.class);
	}

	private static Menu welcomeOnly() {
		return new Menu("welcome", List.of("nl"), null, false);
	}

}
