package org.helpline.web;

import java.security.Principal;
import java.util.List;

import org.helpline.menu.Choice;
import org.helpline.menu.Menu;
import org.helpline.menu.MenuVersion;
import org.helpline.menu.Menus;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators' API for the menu of each helpline: the one in force, its versions, going back to one. */
@RestController
@RequestMapping("/api/helplines/{id}/menu")
class MenuController {

	private final Menus menus;

	MenuController(Menus menus) {
		this.menus = menus;
	}

	/** Version 0 is the default menu of a helpline whose operators never saved one. */
	@GetMapping
	MenuVersion current(@PathVariable long id) {
		return menus.currentVersion(id);
	}

	@PutMapping
	MenuVersion update(@PathVariable long id, @RequestBody MenuBody body, Principal author) {
		return menus.save(id, Bodies.required(body).menu(), author.getName());
	}

	@GetMapping("/versions")
	List<MenuVersion> versions(@PathVariable long id) {
		return menus.history(id);
	}

	@PostMapping("/versions/{version}/restore")
	MenuVersion restore(@PathVariable long id, @PathVariable int version, Principal author) {
		return menus.restore(id, version, author.getName());
	}

	/** A menu as operators send it: whether a key skips a prompt may be left out (then it does not). */
	record MenuBody(String welcome, List<String> languages, Choice choice, Boolean skipPromptOnKey) {

		Menu menu() {
			return new Menu(welcome, languages, choice, Boolean.TRUE.equals(skipPromptOnKey));
		}

	}

}
