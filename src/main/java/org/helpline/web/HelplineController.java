package org.helpline.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.helpline.helplines.Helpline;
import org.helpline.helplines.Helpline.Entry;
import org.helpline.helplines.HelplineSettings;
import org.helpline.helplines.Helplines;
import org.helpline.helplines.ProblemCode;
import org.helpline.schedule.Closure;
import org.helpline.schedule.HolidayKind;
import org.helpline.schedule.HolidayPolicy;
import org.helpline.schedule.OpeningInterval;
import org.helpline.schedule.PublicHolidays;
import org.helpline.schedule.SpecialOpening;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' API for helplines and their schedules. Every change is validated whole, and
 * audited with the helpline as it was before and after.
 */
@RestController
@RequestMapping("/api/helplines")
class HelplineController {

	private final Helplines helplines;

	private final PublicHolidays publicHolidays;

	HelplineController(Helplines helplines, PublicHolidays publicHolidays) {
		this.helplines = helplines;
		this.publicHolidays = publicHolidays;
	}

	record HolidayView(LocalDate date, String key, HolidayKind type, String dutchName, String englishName,
			boolean closesLine) {
	}

	@GetMapping
	List<Helpline> all() {
		return helplines.all();
	}

	@GetMapping("/{id}")
	Helpline one(@PathVariable long id) {
		return helplines.get(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<Helpline> create(@RequestBody HelplineSettings settings) {
		Helpline created = helplines.create(settings);
		return ResponseEntity.created(URI.create("/api/helplines/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	Helpline update(@PathVariable long id, @RequestBody HelplineSettings settings) {
		Helpline after = helplines.update(id, settings);
		return after;
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	ResponseEntity<Void> delete(@PathVariable long id) {
		helplines.delete(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/opening-hours")
	List<OpeningInterval> openingHours(@PathVariable long id) {
		return helplines.get(id).openingHours();
	}

	@PutMapping("/{id}/opening-hours")
	List<OpeningInterval> replaceOpeningHours(@PathVariable long id, @RequestBody List<OpeningInterval> intervals) {
		Helpline after = helplines.replaceOpeningHours(id, Bodies.required(intervals));
		return after.openingHours();
	}

	@GetMapping("/{id}/holiday-policy")
	HolidayPolicy holidayPolicy(@PathVariable long id) {
		return helplines.get(id).holidayPolicy();
	}

	@PutMapping("/{id}/holiday-policy")
	HolidayPolicy changeHolidayPolicy(@PathVariable long id, @RequestBody HolidayPolicy policy) {
		Helpline after = helplines.changeHolidayPolicy(id, Bodies.required(policy));
		return after.holidayPolicy();
	}

	/** The country's holidays in a year, and whether this helpline's policy closes the line on each. */
	@GetMapping("/{id}/holidays")
	List<HolidayView> holidays(@PathVariable long id, @RequestParam int year) {
		Helpline helpline = helplines.get(id);
		if (year < 2000 || year > 2099) {
			throw new BadParameterException(ProblemCode.HELPLINE_YEAR_RANGE, "year");
		}
		return publicHolidays.in(helpline.country(), year).stream()
			.map(h -> new HolidayView(h.date(), h.key(), h.type(), h.dutchName(), h.englishName(),
					helpline.holidayPolicy().closesOn(h)))
			.toList();
	}

	@GetMapping("/{id}/closures")
	List<Entry<Closure>> closures(@PathVariable long id) {
		return helplines.get(id).closures();
	}

	@PostMapping("/{id}/closures")
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<Entry<Closure>> addClosure(@PathVariable long id, @RequestBody Closure closure) {
		Entry<Closure> added = helplines.addClosure(id, Bodies.required(closure));
		return ResponseEntity.created(URI.create("/api/helplines/" + id + "/closures/" + added.id())).body(added);
	}

	@DeleteMapping("/{id}/closures/{closureId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	ResponseEntity<Void> removeClosure(@PathVariable long id, @PathVariable long closureId) {
		helplines.removeClosure(id, closureId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/special-openings")
	List<Entry<SpecialOpening>> specialOpenings(@PathVariable long id) {
		return helplines.get(id).specialOpenings();
	}

	@PostMapping("/{id}/special-openings")
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<Entry<SpecialOpening>> addSpecialOpening(@PathVariable long id,
			@RequestBody SpecialOpening opening) {
		Entry<SpecialOpening> added = helplines.addSpecialOpening(id, Bodies.required(opening));
		return ResponseEntity.created(URI.create("/api/helplines/" + id + "/special-openings/" + added.id()))
			.body(added);
	}

	@DeleteMapping("/{id}/special-openings/{openingId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	ResponseEntity<Void> removeSpecialOpening(@PathVariable long id, @PathVariable long openingId) {
		helplines.removeSpecialOpening(id, openingId);
		return ResponseEntity.noContent().build();
	}

}
