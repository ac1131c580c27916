package org.helpline.web.page;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.helpline.contact.CallerGroups;
import org.helpline.contact.ContactOption;
import org.helpline.contact.ContactOption.Kind;
import org.helpline.contact.ContactOptions;
import org.helpline.contact.ContactRecords;
import org.helpline.contact.ContactView;
import org.helpline.contact.RegisteredContact;
import org.helpline.contact.WrapUp;
import org.helpline.counsellors.ChangeKeptException;
import org.helpline.counsellors.CounsellorCalls;
import org.helpline.counsellors.CounsellorState;
import org.helpline.counsellors.CounsellorStatus;
import org.helpline.counsellors.Presence;
import org.helpline.counsellors.StateConflictException;
import org.helpline.helplines.ChangeRefusedException;
import org.helpline.helplines.FieldProblem;
import org.helpline.helplines.Helpline;
import org.helpline.helplines.Helplines;
import org.helpline.helplines.NotFoundException;
import org.helpline.helplines.ProblemCode;
import org.helpline.security.PageSessions;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The counsellor's own page: their state and the buttons that change it, the call they are
 * on, the wrap-up of the call that ended, and e-mails and chats to register. Every form
 * posts, then comes back here (a refused form with its values and the reasons).
 */
@Controller
@RequestMapping("/counsellor")
class CounsellorPageController {

	static final List<String> PAUSE_REASONS = List.of("break", "admin", "training", "other");

	private static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Amsterdam");

	private final Presence presence;

	private final CounsellorCalls calls;

	private final ContactRecords records;

	private final ContactOptions options;

	private final CallerGroups callerGroups;

	private final Helplines helplines;

	private final LiveUpdates live;

	private final MessageSource messages;

	private final PageFormat format;

	private final Clock clock;

	private final PageSessions sessions;

	CounsellorPageController(Presence presence, CounsellorCalls calls, ContactRecords records, ContactOptions options,
			CallerGroups callerGroups, Helplines helplines, LiveUpdates live, MessageSource messages,
			PageFormat format, Clock clock, PageSessions sessions) {
		this.sessions = sessions;
		this.presence = presence;
		this.calls = calls;
		this.records = records;
		this.options = options;
		this.callerGroups = callerGroups;
		this.helplines = helplines;
		this.live = live;
		this.messages = messages;
		this.format = format;
		this.clock = clock;
	}

	@GetMapping
	String page(Principal user, Locale locale, Model model) {
		Optional<Long> me = me(user);
		model.addAttribute("linked", me.isPresent());
		if (me.isEmpty()) {
			return "counsellor";
		}
		long id = me.get();
		CounsellorPicture picture = picture(id, locale);
		model.addAttribute("picture", picture);
		model.addAttribute("displayName", presence.status(id).displayName());
		model.addAttribute("serverNow", clock.instant());
		model.addAttribute("pauseReasons", PAUSE_REASONS);
		model.addAttribute("topics", active(Kind.TOPIC));
		model.addAttribute("referrals", active(Kind.REFERRAL));
		model.addAttribute("callerGroups", callerGroups.codes().stream()
			.map(code -> new Choice(code, callerGroups.label(code, locale.getLanguage())))
			.toList());
		List<Helpline> all = helplines.all();
		model.addAttribute("helplines", all);
		model.addAttribute("today", LocalDate.ofInstant(clock.instant(),
				all.isEmpty() ? DEFAULT_ZONE : all.getFirst().zone()));
		contactToWrapUp(picture).ifPresent(contact -> {
			model.addAttribute("contact", contact);
			if (!model.containsAttribute("wrapUpForm")) {
				model.addAttribute("wrapUpForm", WrapUpForm.of(contact));
			}
		});
		if (!model.containsAttribute("registerForm")) {
			model.addAttribute("registerForm", RegisterForm.EMPTY);
		}
		if (!model.containsAttribute("problems")) {
			model.addAttribute("problems", FormProblems.NONE);
		}
		return "counsellor";
	}

	@GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(Principal user, Locale locale, HttpServletRequest request) {
		long id = presence.counsellorOfUser(user.getName());
		return sessions.endingWithSession(request, live.subscribe("state", () -> picture(id, locale), true));
	}

	@PostMapping("/sign-in")
	String signIn(Principal user, RedirectAttributes redirect) {
		return change(user, redirect, presence::signIn);
	}

	@PostMapping("/sign-out")
	String signOut(Principal user, RedirectAttributes redirect) {
		return change(user, redirect, presence::signOut);
	}

	@PostMapping("/pause")
	String pause(Principal user, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		if (!PAUSE_REASONS.contains(reason)) {
			redirect.addFlashAttribute("problems", new FormProblems("state",
					List.of(FieldProblem.of(ProblemCode.PRESENCE_PAUSE_REASON_INVALID, "reason", PAUSE_REASONS))));
			return "redirect:/counsellor";
		}
		return change(user, redirect, id -> presence.pause(id, reason));
	}

	@PostMapping("/resume")
	String resume(Principal user, RedirectAttributes redirect) {
		return change(user, redirect, presence::resume);
	}

	@PostMapping("/wrap-up/end")
	String endWrapUp(Principal user, RedirectAttributes redirect) {
		return change(user, redirect, presence::endWrapUp);
	}

	@PostMapping("/wrap-up/extend")
	String extendWrapUp(Principal user, @RequestParam(defaultValue = "60") int seconds, RedirectAttributes redirect) {
		return change(user, redirect, id -> presence.extendWrapUp(id, Duration.ofSeconds(seconds)));
	}

	/** Only the call this counsellor last ended can be wrapped up here. */
	@PostMapping("/wrap-up")
	String wrapUp(Principal user, WrapUpForm form, RedirectAttributes redirect) {
		long id = presence.counsellorOfUser(user.getName());
		Optional<Long> contactId = calls.lastContact(id);
		if (contactId.isEmpty() || !contactId.get().equals(form.contactId())) {
			redirect.addFlashAttribute("notice", "counsellor.wrapup.gone");
			return "redirect:/counsellor";
		}
		try {
			records.wrapUp(contactId.get(), form.toWrapUp());
			redirect.addFlashAttribute("notice", "counsellor.wrapup.saved");
		}
		catch (ChangeRefusedException ex) {
			redirect.addFlashAttribute("problems", new FormProblems("wrapUp", ex.problems()));
			redirect.addFlashAttribute("wrapUpForm", form);
		}
		return "redirect:/counsellor#wrap-up";
	}

	@PostMapping("/contacts")
	String register(Principal user, RegisterForm form, BindingResult binding, RedirectAttributes redirect) {
		long me = presence.counsellorOfUser(user.getName());
		List<FieldProblem> problems = new ArrayList<>(Forms.unconverted(binding));
		if (problems.isEmpty()) {
			try {
				records.register(new RegisteredContact(form.helplineId(), form.channel(), form.date(), form.callerGroup(),
						form.language(), form.personKey(), form.topics(), form.referral(),
						WrapUpForm.yesNo(form.returningCaller())), me);
				redirect.addFlashAttribute("notice", "counsellor.register.saved");
				return "redirect:/counsellor#register";
			}
			catch (ChangeRefusedException ex) {
				problems.addAll(ex.problems());
			}
		}
		redirect.addFlashAttribute("problems", new FormProblems("register", problems));
		redirect.addFlashAttribute("registerForm", form);
		return "redirect:/counsellor#register";
	}

	CounsellorPicture picture(long id, Locale locale) {
		CounsellorStatus status = presence.status(id);
		String language = locale.getLanguage();
		// A call whose end no node heard (its node died) is not shown once the counsellor is off it.
		CounsellorPicture.Call call = calls.current(id)
			.filter(c -> status.state() == CounsellorState.ON_CALL)
			.map(c -> new CounsellorPicture.Call(c.callerGroup() == null ? null
					: callerGroups.label(c.callerGroup().code(), language),
					Objects.toString(c.language(), null), c.waited() == null ? null : format.duration(c.waited()), c.tag(), c.answeredAt()))
			.orElse(null);
		Long contactId = calls.lastContact(id).orElse(null);
		return new CounsellorPicture(status.state().name(),
				Objects.requireNonNullElse(
						messages.getMessage("state." + status.state().name(), null, status.state().name(), locale),
						status.state().name()),
				status.reason() == null ? null : reasonLabel(status.reason(), locale), status.since(),
				status.wrapUpUntil(), call, contactId);
	}

	/** Pause reasons and the routing's own reasons ("no answer", …) in the page's language. */
	String reasonLabel(String reason, Locale locale) {
		String label = messages.getMessage("reason." + reason.replace(' ', '-'), null, reason, locale);
		return label == null ? reason : label;
	}

	private Optional<ContactView> contactToWrapUp(CounsellorPicture picture) {
		if (picture.wrapUpContactId() == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(records.get(picture.wrapUpContactId()));
		}
		catch (NotFoundException removed) {
			return Optional.empty();
		}
	}

	private String change(Principal user, RedirectAttributes redirect, java.util.function.LongConsumer change) {
		try {
			change.accept(presence.counsellorOfUser(user.getName()));
		}
		catch (StateConflictException ex) {
			redirect.addFlashAttribute("notice", "counsellor.conflict");
		}
		catch (ChangeKeptException ex) {
			redirect.addFlashAttribute("notice", "counsellor.kept");
		}
		catch (ChangeRefusedException ex) {
			redirect.addFlashAttribute("problems", new FormProblems("state", ex.problems()));
		}
		return "redirect:/counsellor";
	}

	private List<ContactOption> active(Kind kind) {
		return options.list(kind).stream().filter(ContactOption::active).toList();
	}

	private Optional<Long> me(Principal user) {
		try {
			return Optional.of(presence.counsellorOfUser(user.getName()));
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

	/** @param returningCaller {@code yes}, {@code no} or empty (not asked) */
	record WrapUpForm(Long contactId, List<String> topics, @Nullable String referral, String returningCaller,
			@Nullable String callerGroup) {

		static WrapUpForm of(ContactView contact) {
			return new WrapUpForm(contact.id(), contact.topics(), contact.referral(),
					contact.returningCaller() == null ? "" : contact.returningCaller() ? "yes" : "no",
					contact.callerGroup());
		}

		WrapUp toWrapUp() {
			return new WrapUp(topics == null ? List.of() : topics, referral, yesNo(returningCaller), callerGroup);
		}

		public boolean hasTopic(String code) {
			return topics != null && topics.contains(code);
		}

		static @Nullable Boolean yesNo(String text) {
			return "yes".equals(text) ? Boolean.TRUE : "no".equals(text) ? Boolean.FALSE : null;
		}

	}

	record RegisterForm(@Nullable Long helplineId, String channel, @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate date,
			@Nullable String callerGroup,
			@Nullable String language, @Nullable String personKey, List<String> topics, @Nullable String referral,
			String returningCaller) {

		static final RegisterForm EMPTY = new RegisterForm(null, "email", null, null, null, null, List.of(), null, "");

		/** Never the person key (issue 11): it names someone as surely as a phone number. */
		@Override
		public String toString() {
			return "RegisterForm[helplineId=" + helplineId + ", channel=" + channel + ", date=" + date
					+ ", personKey=" + (personKey == null ? null : "***") + "]";
		}

		public boolean hasTopic(String code) {
			return topics != null && topics.contains(code);
		}

	}

}
