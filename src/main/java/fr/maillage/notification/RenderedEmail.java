package fr.maillage.notification;

/** An e-mail as its recipient reads it: French subject, plain text and HTML versions. */
record RenderedEmail(String subject, String text, String html) {
}
