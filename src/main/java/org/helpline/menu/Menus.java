package org.helpline.menu;

import java.time.Clock;
import java.util.List;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.helpline.audit.AuditTrail;
import org.helpline.contact.StatisticsProperties;
import org.helpline.helplines.ChangeRefusedException;
import org.helpline.helplines.FieldProblem;
import org.helpline.helplines.HelplineChanged;
import org.helpline.helplines.Helplines;
import org.helpline.helplines.NotFoundException;
import org.helpline.prompts.PromptCatalogue;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Each helpline's menu, versioned: a change never overwrites, it adds the next version, so an
 * operator can see what callers heard when and go back to it. The menu in force is read on
 * every open call, so it is served from memory; a change made here is heard at once, one made
 * through another instance within {@code helpline.menu.cache-ttl}.
 */
@Service
public class Menus {

	private final Helplines helplines;

	private final MenuRepository repository;

	private final PromptCatalogue prompts;

	private final MenuValidator validator;

	private final AuditTrail audit;

	private final Clock clock;

	private final LoadingCache<Long, MenuVersion> inForce;

	Menus(Helplines helplines, MenuRepository repository, PromptCatalogue prompts, StatisticsProperties statistics,
			MenuProperties properties, AuditTrail audit, Clock clock) {
		this.helplines = helplines;
		this.audit = audit;
		this.repository = repository;
		this.prompts = prompts;
		this.validator = new MenuValidator(statistics.callerGroups());
		this.clock = clock;
		this.inForce = Caffeine.newBuilder()
			.expireAfterWrite(properties.cacheTtl())
			.maximumSize(1_000)
			.build(this::load);
	}

	/**
	 * The menu callers of the helpline hear now: {@link Menu#defaults()} until one is saved.
	 * @throws NotFoundException when there is no such helpline
	 */
	public Menu current(long helplineId) {
		return currentVersion(helplineId).menu();
	}

	/** Like {@link #current(long)}, with its version (0: the defaults, never saved). */
	public MenuVersion currentVersion(long helplineId) {
		return inForce.get(helplineId);
	}

	/**
	 * Makes this menu the one callers hear, as the next version.
	 * @throws ChangeRefusedException naming every problem; nothing is stored then
	 */
	public MenuVersion save(long helplineId, Menu menu, String author) {
		return store(helplineId, menu, author, null);
	}

	/** Every saved version, newest first; empty while the helpline uses the defaults. */
	public List<MenuVersion> history(long helplineId) {
		helplines.get(helplineId);
		return repository.all(helplineId);
	}

	/**
	 * Makes an earlier version the one callers hear again, as the next version. It is
	 * validated again: a prompt it plays may have been removed since.
	 * @throws NotFoundException when the helpline never had that version
	 * @throws ChangeRefusedException when the old menu is no longer valid; nothing is stored then
	 */
	public MenuVersion restore(long helplineId, int version, String author) {
		helplines.get(helplineId);
		Menu menu = repository.find(helplineId, version)
			.orElseThrow(() -> new NotFoundException(
					"version " + version + " of the menu of helpline " + helplineId + " does not exist"))
			.menu();
		return store(helplineId, menu, author, version);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void forgetMenu(HelplineChanged event) {
		inForce.invalidate(event.helplineId());
	}

	private MenuVersion store(long helplineId, Menu menu, String author, @Nullable Integer restoredFrom) {
		helplines.get(helplineId);
		List<FieldProblem> problems = validator.problems(menu, prompt -> prompts.text(prompt).isPresent());
		if (!problems.isEmpty()) {
			throw new ChangeRefusedException(problems);
		}
		MenuVersion before = load(helplineId);
		MenuVersion saved = repository.insert(helplineId, new MenuVersion(before.version() + 1, clock.instant(),
				author == null ? "system" : author, restoredFrom, menu));
		inForce.invalidate(helplineId);
		audit.record("menu", helplineId, restoredFrom == null ? "update" : "restore", before.menu(), saved.menu());
		return saved;
	}

	private MenuVersion load(long helplineId) {
		helplines.get(helplineId);
		return repository.latest(helplineId).orElseGet(MenuVersion::defaults);
	}

}
