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
 * yet, through {@link Questionnaires#shippedNational()}, which demo data steps use too.
 * Publishing is idempotent (family and version are unique), so several instances starting
 * together publish it once.
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
		try {
			Questionnaires.Version version = this.questionnaires.shippedNational();
			if (version.publishedNow()) {
				log.info("National questionnaire {} published ({} questions)", version.definition().version(),
						version.definition().allQuestions().size());
			}
		}
		catch (IllegalStateException ex) {
			// A broken shipped file is a build defect: say it loudly, but keep serving.
			log.error(ex.getMessage());
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
