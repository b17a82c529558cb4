package fr.maillage.territory;

/** Text and attribute values made safe to write into XML (and so into inline SVG). */
final class Xml {

	private Xml() {
	}

	/**
	 * Escapes the five markup characters and drops the characters XML 1.0 cannot hold
	 * (control characters other than tab and line breaks, lone surrogates).
	 */
	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> {
					if (Character.isHighSurrogate(c) && i + 1 < text.length()
							&& Character.isLowSurrogate(text.charAt(i + 1))) {
						out.append(c).append(text.charAt(++i));
					}
					else if (allowed(c)) {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

	private static boolean allowed(char c) {
		return (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c <= 0xFFFD) || c == '\t' || c == '\n' || c == '\r';
	}

}
