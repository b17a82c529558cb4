package fr.maillage.questionnaire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import fr.maillage.account.AccessPolicy;
import fr.maillage.account.AccountPrincipal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The national administration's questionnaire page: the published versions, and a
 * definition file to check (every problem with its line) then publish. Route access
 * limits it to national administrators (DEFINE_OBSERVATORY).
 */
@Controller
class QuestionnaireAdminController {

	static final int MAX_BYTES = DefinitionReader.MAX_LENGTH;

	private final Questionnaires questionnaires;

	private final AccessPolicy policy;

	QuestionnaireAdminController(Questionnaires questionnaires, AccessPolicy policy) {
		this.questionnaires = questionnaires;
		this.policy = policy;
	}

	@GetMapping("/admin/questionnaires")
	String list(Model model) {
		model.addAttribute("published", published());
		return "questionnaire/admin";
	}

	/** A published version as the page shows it, its date in Paris time. */
	record Shown(long id, String family, String version, String title, java.time.LocalDateTime publishedAt) {
	}

	private java.util.List<Shown> published() {
		return this.questionnaires.published()
			.stream()
			.map(q -> new Shown(q.id(), q.family(), q.version(), q.title(),
					java.time.LocalDateTime.ofInstant(q.publishedAt(), java.time.ZoneId.of("Europe/Paris"))))
			.toList();
	}

	@PostMapping("/admin/questionnaires")
	String checkOrPublish(@RequestParam(name = "fichier", required = false) MultipartFile file,
			@RequestParam(name = "publier", defaultValue = "false") boolean publish, Model model,
			RedirectAttributes redirect) throws IOException {
		model.addAttribute("published", published());
		if (file == null || file.isEmpty()) {
			model.addAttribute("fileError", "questionnaire.admin.error.missing");
			return "questionnaire/admin";
		}
		if (file.getSize() > MAX_BYTES) {
			model.addAttribute("fileError", "questionnaire.admin.error.too-large");
			return "questionnaire/admin";
		}
		String source;
		try {
			source = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(file.getBytes()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			model.addAttribute("fileError", "questionnaire.admin.error.encoding");
			return "questionnaire/admin";
		}
		Questionnaires.Checked checked = publish
				? this.questionnaires.publish(source, this.policy.currentUser().map(AccountPrincipal::id).orElse(null))
				: this.questionnaires.check(source);
		if (publish && checked.publishable()) {
			redirect.addFlashAttribute("notice", "questionnaire.admin.published");
			redirect.addFlashAttribute("noticeArgument", checked.definition().version());
			return "redirect:/admin/questionnaires";
		}
		model.addAttribute("fileName", file.getOriginalFilename());
		model.addAttribute("checked", checked);
		return "questionnaire/admin";
	}

}
