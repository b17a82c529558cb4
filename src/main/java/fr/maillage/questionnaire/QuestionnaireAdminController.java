package fr.maillage.questionnaire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import fr.maillage.account.AccessPolicy;
import fr.maillage.account.AccountPrincipal;
import fr.maillage.shared.web.NotFoundException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The national administration's questionnaire page: the published versions, each
 * downloadable as a workbook, and a definition to check (every problem with its line, or
 * its sheet, row and column) then publish, as a YAML file or an XLSForm-like workbook.
 * Route access limits it to national administrators (DEFINE_OBSERVATORY).
 */
@Controller
class QuestionnaireAdminController {

	static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final int MAX_BYTES = DefinitionReader.MAX_LENGTH;

	/** How a zip file (an XLSX workbook) starts. */
	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	/**
	 * How an OLE2 file starts: an old .xls workbook, or an .xlsx protected by a password.
	 */
	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

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
			return refused(model, "questionnaire.admin.error.missing");
		}
		if (file.getSize() > MAX_BYTES) {
			return refused(model, "questionnaire.admin.error.too-large");
		}
		byte[] bytes = file.getBytes();
		Long userId = this.policy.currentUser().map(AccountPrincipal::id).orElse(null);
		Questionnaires.Checked checked;
		if (startsWith(bytes, ZIP)) {
			// An XLSX workbook is a zip; whatever else the zip is, the reader says so.
			checked = publish ? this.questionnaires.publishWorkbook(bytes, userId)
					: this.questionnaires.checkWorkbook(bytes);
		}
		else if (startsWith(bytes, OLE2)) {
			return refused(model, "questionnaire.admin.error.xls");
		}
		else {
			String source = utf8(bytes);
			if (source == null) {
				return refused(model, "questionnaire.admin.error.encoding");
			}
			checked = publish ? this.questionnaires.publish(source, userId) : this.questionnaires.check(source);
		}
		if (publish && checked.publishable()) {
			redirect.addFlashAttribute("notice", "questionnaire.admin.published");
			redirect.addFlashAttribute("noticeArgument", checked.definition().version());
			return "redirect:/admin/questionnaires";
		}
		model.addAttribute("fileName", file.getOriginalFilename());
		model.addAttribute("checked", checked);
		return "questionnaire/admin";
	}

	private static String refused(Model model, String messageKey) {
		model.addAttribute("fileError", messageKey);
		return "questionnaire/admin";
	}

	/** The text of a UTF-8 file; null if it is not UTF-8. */
	private static String utf8(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private static boolean startsWith(byte[] bytes, byte[] magic) {
		return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
	}

	/**
	 * A published version as an XLSForm-like workbook, for Caf and national staff to
	 * start the next version from.
	 */
	@GetMapping("/admin/questionnaires/{id}/classeur.xlsx")
	ResponseEntity<byte[]> workbook(@PathVariable long id) {
		QuestionnaireRepository.Published published = this.questionnaires.published(id)
			.orElseThrow(() -> new NotFoundException("questionnaire.unknown", id));
		byte[] workbook = this.questionnaires.workbook(id).orElseThrow();
		String fileName = "questionnaire-" + published.family() + "-" + published.version() + ".xlsx";
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(XLSX_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.body(workbook);
	}

}
