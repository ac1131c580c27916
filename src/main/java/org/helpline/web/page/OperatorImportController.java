package org.helpline.web.page;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.helpline.contact.ContactImport;
import org.helpline.contact.ImportRejectedException;
import org.helpline.helplines.Helplines;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Operators import earlier years' history in two steps: the file is checked and the page says
 * what it would add; only the confirmation stores it. The confirmation sends the checked text
 * back, so what is stored is what was shown, checked once more.
 */
@Controller
@RequestMapping("/operator/import")
class OperatorImportController {

	private final ContactImport imports;

	private final Helplines helplines;

	OperatorImportController(ContactImport imports, Helplines helplines) {
		this.imports = imports;
		this.helplines = helplines;
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("helplines", helplines.all());
		return "operator/import";
	}

	@PostMapping("/preview")
	String preview(@RequestParam long helpline, @RequestParam MultipartFile file, Model model) throws IOException {
		String csv = new String(file.getBytes(), StandardCharsets.UTF_8);
		model.addAttribute("helpline", helplines.get(helpline));
		try {
			model.addAttribute("preview", imports.preview(helpline, csv));
			model.addAttribute("csv", csv);
		}
		catch (ImportRejectedException ex) {
			model.addAttribute("rejected", ex);
		}
		return form(model);
	}

	@PostMapping
	String confirm(@RequestParam long helpline, @RequestParam String csv, Model model, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("stored", imports.importCsv(helpline, csv));
			return "redirect:/operator/import";
		}
		catch (ImportRejectedException ex) {
			model.addAttribute("helpline", helplines.get(helpline));
			model.addAttribute("rejected", ex);
			return form(model);
		}
	}

}
