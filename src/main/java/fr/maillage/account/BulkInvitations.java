package fr.maillage.account;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import fr.maillage.shared.security.Role;

import org.springframework.stereotype.Component;

/**
 * Reads a file of invitations (CSV: e-mail, name, role, scope) and reports every problem
 * with its line and column, before anything is sent. UTF-8 or Windows-1252 (French
 * Excel), comma or semicolon.
 */
@Component
class BulkInvitations {

	static final int MAX_LINES = 1000;

	/** 1,000 lines take far less; the message says 2 Mo. */
	static final long MAX_BYTES = 2L * 1024 * 1024;

	static final List<String> COLUMNS = List.of("email", "nom", "role", "territoire");

	private final AccessPolicy policy;

	BulkInvitations(AccessPolicy policy) {
		this.policy = policy;
	}

	record Line(int number, String email, String displayName, RoleAssignment assignment) {
	}

	/**
	 * A problem: its line (1 = header), column name (may be null) and message key with
	 * arguments.
	 */
	record Problem(int line, String column, String messageKey, List<String> arguments) {
	}

	record Result(List<Line> lines, List<Problem> problems) {

		public boolean clean() {
			return this.problems.isEmpty() && !this.lines.isEmpty();
		}

	}

	static String decode(byte[] bytes) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			return new String(bytes, Charset.forName("windows-1252"));
		}
	}

	Result parse(String text) {
		List<Line> lines = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		List<String> rows = text.lines().toList();
		if (rows.isEmpty() || rows.getFirst().isBlank()) {
			problems.add(new Problem(1, null, "people.bulk.error.empty", List.of()));
			return new Result(lines, problems);
		}
		char separator = rows.getFirst().contains(";") ? ';' : ',';
		List<String> header = Csv.split(rows.getFirst(), separator)
			.stream()
			.map(name -> name.strip().toLowerCase(Locale.ROOT))
			.toList();
		if (!header.equals(COLUMNS)) {
			problems.add(new Problem(1, null, "people.bulk.error.header", List.of(String.join(";", COLUMNS))));
			return new Result(lines, problems);
		}
		if (rows.size() - 1 > MAX_LINES) {
			problems.add(new Problem(1, null, "people.bulk.error.too-many", List.of(Integer.toString(MAX_LINES))));
			return new Result(lines, problems);
		}
		Set<String> seen = new HashSet<>();
		for (int i = 1; i < rows.size(); i++) {
			int number = i + 1;
			if (rows.get(i).isBlank()) {
				continue;
			}
			List<String> cells = Csv.split(rows.get(i), separator);
			if (cells.size() != COLUMNS.size()) {
				problems.add(new Problem(number, null, "people.bulk.error.cells",
						List.of(Integer.toString(cells.size()), Integer.toString(COLUMNS.size()))));
				continue;
			}
			parseLine(number, cells, seen, problems).ifPresent(lines::add);
		}
		if (lines.isEmpty() && problems.isEmpty()) {
			problems.add(new Problem(1, null, "people.bulk.error.empty", List.of()));
		}
		return new Result(lines, problems);
	}

	private Optional<Line> parseLine(int number, List<String> cells, Set<String> seen, List<Problem> problems) {
		int before = problems.size();
		String email = Emails.normalize(cells.get(0));
		String name = cells.get(1).strip();
		if (!Emails.isPlausible(email)) {
			problems.add(new Problem(number, "email", "people.bulk.error.email", List.of(cells.get(0).strip())));
		}
		else if (this.policy.currentUser().map(me -> Emails.normalize(me.getUsername()).equals(email)).orElse(false)) {
			problems.add(new Problem(number, "email", "people.bulk.error.self", List.of()));
		}
		if (name.isEmpty()) {
			problems.add(new Problem(number, "nom", "people.bulk.error.name", List.of()));
		}
		Role role = null;
		try {
			role = Role.valueOf(cells.get(2).strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new Problem(number, "role", "people.bulk.error.role", List.of(cells.get(2).strip())));
		}
		Optional<ScopeRef> scope = ScopeRef.parse(cells.get(3));
		if (scope.isEmpty()) {
			problems.add(new Problem(number, "territoire", "people.bulk.error.scope", List.of(cells.get(3).strip())));
		}
		RoleAssignment assignment = null;
		if (role != null && scope.isPresent()) {
			if (!role.scopeKinds().contains(scope.get().kind())) {
				problems.add(new Problem(number, "territoire", "people.bulk.error.role-scope",
						List.of(role.name(), scope.get().toString())));
			}
			else {
				assignment = new RoleAssignment(0, role, scope.get().kind(), scope.get().code());
				if (!this.policy.mayGrant(assignment)) {
					problems.add(new Problem(number, "territoire", "people.bulk.error.not-allowed",
							List.of(role.name(), scope.get().toString())));
				}
			}
		}
		if (problems.size() == before && !seen.add(email + "|" + assignment)) {
			problems.add(new Problem(number, "email", "people.bulk.error.duplicate", List.of(email)));
		}
		return (problems.size() == before) ? Optional.of(new Line(number, email, name, assignment)) : Optional.empty();
	}

	/** Splits one CSV line, honouring double quotes ("" inside quotes is a quote). */
	static final class Csv {

		private Csv() {
		}

		static List<String> split(String line, char separator) {
			List<String> cells = new ArrayList<>();
			StringBuilder cell = new StringBuilder();
			boolean quoted = false;
			for (int i = 0; i < line.length(); i++) {
				char c = line.charAt(i);
				if (quoted) {
					if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
						cell.append('"');
						i++;
					}
					else if (c == '"') {
						quoted = false;
					}
					else {
						cell.append(c);
					}
				}
				else if (c == '"') {
					quoted = true;
				}
				else if (c == separator) {
					cells.add(cell.toString());
					cell.setLength(0);
				}
				else {
					cell.append(c);
				}
			}
			cells.add(cell.toString());
			return cells;
		}

	}

}
