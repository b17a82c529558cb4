package fr.maillage.questionnaire;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Publishes the national questionnaire shipped with the application
 * ({@code questionnaire/national-2026.yaml}) when the database does not have that version
 * yet. Publishing is idempotent (family and version are unique), so several instances
 * starting together publish it once.
 */
@Component
class NationalQuestionnaire {

	static final String RESOURCE = "questionnaire/national-2026.yaml";

	private static final Logger log = LoggerFactory.getLogger(NationalQuestionnaire.class);

	private final Questionnaires questionnaires;

	NationalQuestionnaire(Questionnaires questionnaires) {
		this.questionnaires = questionnaires;
	}

	@EventListener(ApplicationReadyEvent.class)
	void publishIfMissing() {
		String source = read();
		Questionnaires.Checked checked = this.questionnaires.check(source);
		if (checked.publishable()) {
			this.questionnaires.publish(source, null);
			log.info("National questionnaire {} published ({} questions)", checked.definition().version(),
					checked.definition().allQuestions().size());
		}
		else if (checked.errors().stream().noneMatch(error -> error.message().contains("déjà publiée"))) {
			// A broken shipped file is a build defect: say it loudly, but keep serving.
			log.error("The shipped national questionnaire does not load: {}", checked.errors());
		}
	}

	static String read() {
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + RESOURCE, ex);
		}
	}

}
