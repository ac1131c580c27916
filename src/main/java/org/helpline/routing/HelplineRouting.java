package org.helpline.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.helpline.audit.AuditTrail;
import org.helpline.helplines.ChangeRefusedException;
import org.helpline.helplines.FieldProblem;
import org.helpline.helplines.Helpline;
import org.helpline.helplines.HelplineChanged;
import org.helpline.helplines.Helplines;
import org.helpline.helplines.NotFoundException;
import org.helpline.helplines.ProblemCode;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Each helpline's routing rules: strategy, ring timeout, wrap-up, maximum wait, announcements,
 * skill widening and the wait for someone to sign in. Read on every routing decision, so served from memory; a change made
 * here takes effect at once, one made through another instance within the cache TTL.
 */
@Service
public class HelplineRouting {

	private final Helplines helplines;

	private final RoutingSettingsRepository repository;

	private final RoutingProperties properties;

	private final AuditTrail audit;

	private final LoadingCache<Long, RoutingRules> rules;

	HelplineRouting(Helplines helplines, RoutingSettingsRepository repository, RoutingProperties properties,
			AuditTrail audit) {
		this.helplines = helplines;
		this.audit = audit;
		this.repository = repository;
		this.properties = properties;
		this.rules = Caffeine.newBuilder()
			.expireAfterWrite(properties.rulesCacheTtl())
			.maximumSize(1_000)
			.build(this::load);
	}

	/**
	 * The rules in force for a helpline.
	 * @throws NotFoundException when there is no such helpline
	 */
	public RoutingRules rules(long helplineId) {
		return rules.get(helplineId);
	}

	/**
	 * Replaces a helpline's rules; a {@code null} value takes the default.
	 * @throws ChangeRefusedException naming every bad field; nothing is stored then
	 */
	public RoutingRules update(long helplineId, RoutingSettings settings) {
		Helpline helpline = helplines.get(helplineId);
		List<FieldProblem> problems = new ArrayList<>();
		RoutingProperties.Defaults defaults = properties.defaults();
		Strategy strategy = named(settings.strategy(), Strategy.class, defaults.strategy(), "strategy", problems);
		Announce announce = named(settings.announce(), Announce.class, defaults.announce(), "announce", problems);
		int ringTimeout = within(settings.ringTimeoutSeconds(), helpline.ringTimeoutSeconds(), 5, 300,
				"ringTimeoutSeconds", problems);
		int wrapUp = within(settings.wrapUpSeconds(), defaults.wrapUpSeconds(), 0, 3600, "wrapUpSeconds", problems);
		int maxWait = within(settings.maxWaitSeconds(), defaults.maxWaitSeconds(), 30, 7200, "maxWaitSeconds",
				problems);
		int announcement = within(settings.announcementSeconds(), defaults.announcementSeconds(), 10, 600,
				"announcementSeconds", problems);
		int waitForSignIn = within(settings.waitForSignInSeconds(), defaults.waitForSignInSeconds(), 0, 7200,
				"waitForSignInSeconds", problems);
		List<Integer> widening = widening(settings.wideningSeconds(), defaults.wideningSeconds(), problems);
		if (!problems.isEmpty()) {
			throw new ChangeRefusedException(problems);
		}
		boolean whisper = settings.whisper() == null ? defaults.whisper() : settings.whisper();
		RoutingRules updated = new RoutingRules(helplineId, helpline.name(), helpline.zone(), strategy, ringTimeout,
				wrapUp, maxWait, announcement, announce, widening, whisper, waitForSignIn);
		RoutingRules before = rules(helplineId);
		repository.save(updated);
		rules.invalidate(helplineId);
		audit.record("routing", helplineId, "update", before, updated);
		return updated;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void forgetRules(HelplineChanged event) {
		rules.invalidate(event.helplineId());
	}

	private RoutingRules load(long helplineId) {
		Helpline helpline = helplines.get(helplineId);
		RoutingProperties.Defaults defaults = properties.defaults();
		return repository.find(helplineId)
			.map(s -> new RoutingRules(helplineId, helpline.name(), helpline.zone(), s.strategy(),
					s.ringTimeoutSeconds(), s.wrapUpSeconds(), s.maxWaitSeconds(), s.announcementSeconds(),
					s.announce(), s.wideningSeconds(), s.whisper(), s.waitForSignInSeconds()))
			.orElseGet(() -> new RoutingRules(helplineId, helpline.name(), helpline.zone(), defaults.strategy(),
					helpline.ringTimeoutSeconds(), defaults.wrapUpSeconds(), defaults.maxWaitSeconds(),
					defaults.announcementSeconds(), defaults.announce(), defaults.wideningSeconds(),
					defaults.whisper(), defaults.waitForSignInSeconds()));
	}

	private static <E extends Enum<E>> E named(@Nullable String value, Class<E> type, E fallback, String field,
			List<FieldProblem> problems) {
		if (value == null) {
			return fallback;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(FieldProblem.of(ProblemCode.ROUTING_CHOICE_INVALID, field,
					Arrays.toString(type.getEnumConstants()), value));
			return fallback;
		}
	}

	private static int within(@Nullable Integer value, int fallback, int min, int max, String field,
			List<FieldProblem> problems) {
		if (value == null) {
			return fallback;
		}
		if (value < min || value > max) {
			problems.add(FieldProblem.of(ProblemCode.ROUTING_SECONDS_RANGE, field, min, max));
		}
		return value;
	}

	/** At most two steps (to level 2, then 3), each later than the one before. */
	private static List<Integer> widening(List<Integer> value, List<Integer> fallback, List<FieldProblem> problems) {
		if (value == null) {
			return fallback;
		}
		if (value.size() > 2) {
			problems.add(FieldProblem.of(ProblemCode.ROUTING_WIDENING_STEPS, "wideningSeconds"));
		}
		for (int i = 0; i < value.size(); i++) {
			Integer seconds = value.get(i);
			String field = "wideningSeconds[" + i + "]";
			if (seconds == null || seconds < 0 || seconds > 7200) {
				problems.add(FieldProblem.of(ProblemCode.ROUTING_WIDENING_RANGE, field));
			}
			else if (i > 0 && value.get(i - 1) != null && seconds <= value.get(i - 1)) {
				problems.add(FieldProblem.of(ProblemCode.ROUTING_WIDENING_ORDER, field));
			}
		}
		return value;
	}

}
