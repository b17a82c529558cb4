package fr.maillage.structure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What an import file would do, line by line, or the problems that prevent it. Nothing is
 * written until the whole file is clean.
 *
 * @param problems every problem found, in file order
 * @param creations the lines that create a structure
 * @param updates the lines that change an existing structure
 * @param unchanged how many lines change nothing
 */
record ImportPlan(List<Problem> problems, List<Creation> creations, List<Update> updates, int unchanged) {

	ImportPlan {
		problems = List.copyOf(problems);
		creations = List.copyOf(creations);
		updates = List.copyOf(updates);
	}

	/** Problems about the file rather than its lines (a line number of 1 or 0). */
	static ImportPlan refused(List<Problem> problems) {
		return new ImportPlan(problems, List.of(), List.of(), 0);
	}

	/**
	 * A problem: its line (1 = header; 0 = the whole file), the column header (may be
	 * {@code null}), a message key and its arguments.
	 */
	record Problem(int line, String column, String key, List<Object> arguments) {

		Problem {
			arguments = List.copyOf(arguments);
		}

		public Object[] argumentArray() {
			return this.arguments.toArray();
		}

	}

	record Creation(int line, StructureFields fields) {
	}

	/** A change of one field, as the file shows it: its text before and after. */
	record Change(StructureField field, String before, String after) {

		public String labelKey() {
			return this.field.labelKey();
		}

	}

	record Update(int line, StructureRecord current, StructureFields fields, List<Change> changes) {
	}

	public boolean clean() {
		return this.problems.isEmpty();
	}

	public boolean changesSomething() {
		return !this.creations.isEmpty() || !this.updates.isEmpty();
	}

	/**
	 * A digest of what confirming would write: the confirmation applies the file only if
	 * it still does what the preview showed (the registry may have changed meanwhile).
	 */
	String fingerprint() {
		StringBuilder text = new StringBuilder();
		this.creations.forEach(c -> text.append("C").append(c.line()).append(c.fields()).append('\n'));
		this.updates.forEach(u -> text.append("U")
			.append(u.line())
			.append(u.current().id())
			.append(StructureFields.of(u.current()))
			.append(u.fields())
			.append('\n'));
		text.append("K").append(this.unchanged);
		try {
			return HexFormat.of()
				.formatHex(
						MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
