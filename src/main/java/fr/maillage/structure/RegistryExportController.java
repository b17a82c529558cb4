package fr.maillage.structure;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import fr.maillage.account.AccessPolicy;
import fr.maillage.shared.security.Permission;
import fr.maillage.shared.security.Scope;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The registry as a file, within the person's scope (a structure's people get their own
 * structure's record): the same columns as the import, so that a file exported, edited
 * and imported again changes only what was edited.
 */
@Controller
class RegistryExportController {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final RegistryRepository repository;

	private final AccessPolicy policy;

	private final Clock clock;

	RegistryExportController(RegistryRepository repository, AccessPolicy policy, Clock clock) {
		this.repository = repository;
		this.policy = policy;
		this.clock = clock;
	}

	@GetMapping("/registre/export.csv")
	void csv(HttpServletResponse response) throws IOException {
		List<List<Object>> rows = rows();
		RegistryImportController.download(response, RegistryFiles.CSV_TYPE, fileName("csv"));
		RegistryFiles.writeCsv(response.getOutputStream(), StructureCells.headers(), rows);
	}

	@GetMapping("/registre/export.xlsx")
	void xlsx(HttpServletResponse response) throws IOException {
		List<List<Object>> rows = rows();
		RegistryImportController.download(response, RegistryFiles.XLSX_TYPE, fileName("xlsx"));
		RegistryFiles.writeXlsx(response.getOutputStream(), "registre", StructureCells.headers(), rows);
	}

	private List<List<Object>> rows() {
		Scope scope = this.policy.scopeFor(Permission.READ_PRIVATE_REGISTRY);
		if (scope.isEmpty()) {
			throw new AccessDeniedException("No registry reading scope");
		}
		return this.repository.findAll(scope)
			.stream()
			.map(record -> StructureCells.row(record.id(), StructureFields.of(record)))
			.toList();
	}

	private String fileName(String extension) {
		return "registre-" + LocalDate.now(this.clock.withZone(PARIS)) + "." + extension;
	}

}
