package fr.maillage.account;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import jakarta.servlet.ServletException;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Spring Session writes a session's last-access time on every request: on the autosave
 * path, one more transaction, and one more wait for the disk, for each value saved
 * (measured with {@code bench/autosave.sh}). This wraps the session repository so that
 * the time is written only once it has moved by {@link #STEP}: a session then expires at
 * most that much earlier than its two-hour timeout says. Any other change to a session
 * (sign-in, attributes, a new id) is saved as before.
 */
@Component
class LastAccessThrottle implements BeanPostProcessor {

	/** How far the last-access time may lag behind; small against the session timeout. */
	static final Duration STEP = Duration.ofMinutes(1);

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		return (bean instanceof JdbcIndexedSessionRepository sessions) ? new Repository(sessions) : bean;
	}

	/**
	 * Spring Session commits a request's session twice when the response is sent before
	 * the request ends (every rendered page: the template engine flushes its output), and
	 * each commit first asks for the id the browser sent, which the first commit has just
	 * forgotten: the second asks the database again, only to learn that id (the session
	 * it saves is the one in hand; measured in docs/benchmarks.md: one more query on
	 * every request). The session a dispatch has just saved answers that second question,
	 * once. This memory exists only during a dispatch ({@link #duringDispatch}, run by
	 * {@link SessionReadOnce} around Spring Session's filter): elsewhere, and in the next
	 * request, every session is read from the database.
	 */
	private static final ThreadLocal<JustSaved> JUST_SAVED = new ThreadLocal<>();

	/** The session the current dispatch has saved last, if any. */
	private static final class JustSaved {

		private ThrottledSession session;

	}

	/** A dispatch through the rest of the filter chain. */
	interface Dispatch {

		void run() throws IOException, ServletException;

	}

	/** Runs one dispatch with a memory of the session it saves, forgotten after it. */
	static void duringDispatch(Dispatch dispatch) throws IOException, ServletException {
		JustSaved outer = JUST_SAVED.get(); // a forward or an include inside a dispatch
		JUST_SAVED.set(new JustSaved());
		try {
			dispatch.run();
		}
		finally {
			if (outer != null) {
				JUST_SAVED.set(outer);
			}
			else {
				JUST_SAVED.remove();
			}
		}
	}

	/** The JDBC repository, whose sessions note their last access only once per step. */
	static final class Repository implements FindByIndexNameSessionRepository<ThrottledSession> {

		private final JdbcIndexedSessionRepository delegate;

		/**
		 * The same repository seen through its interface: its session type is private.
		 */
		private final FindByIndexNameSessionRepository<Session> sessions;

		private final LongAdder databaseReads = new LongAdder();

		@SuppressWarnings("unchecked")
		Repository(JdbcIndexedSessionRepository delegate) {
			this.delegate = delegate;
			this.sessions = (FindByIndexNameSessionRepository<Session>) (FindByIndexNameSessionRepository<?>) delegate;
		}

		/** Sessions read from the database by id so far (what a request costs). */
		long databaseReads() {
			return this.databaseReads.sum();
		}

		@Override
		public ThrottledSession createSession() {
			return new ThrottledSession(this.sessions.createSession());
		}

		@Override
		public void save(ThrottledSession session) {
			this.sessions.save(session.delegate);
			JustSaved memory = JUST_SAVED.get();
			if (memory != null) {
				memory.session = session;
			}
		}

		@Override
		public ThrottledSession findById(String id) {
			JustSaved memory = JUST_SAVED.get();
			if (memory != null && memory.session != null) {
				ThrottledSession saved = memory.session;
				memory.session = null;
				if (saved.getId().equals(id)) {
					return saved;
				}
			}
			this.databaseReads.increment();
			Session session = this.sessions.findById(id);
			return (session != null) ? new ThrottledSession(session) : null;
		}

		@Override
		public void deleteById(String id) {
			JustSaved memory = JUST_SAVED.get();
			if (memory != null) {
				memory.session = null;
			}
			this.sessions.deleteById(id);
		}

		@Override
		public Map<String, ThrottledSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			Map<String, ThrottledSession> sessions = new LinkedHashMap<>();
			this.sessions.findByIndexNameAndIndexValue(indexName, indexValue)
				.forEach((id, session) -> sessions.put(id, new ThrottledSession(session)));
			return sessions;
		}

	}

	/** A session whose last-access time moves only by whole steps. */
	static final class ThrottledSession implements Session {

		private final Session delegate;

		ThrottledSession(Session delegate) {
			this.delegate = delegate;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (!lastAccessedTime.isBefore(this.delegate.getLastAccessedTime().plus(STEP))) {
				this.delegate.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public String getId() {
			return this.delegate.getId();
		}

		@Override
		public String changeSessionId() {
			return this.delegate.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return this.delegate.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.delegate.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.delegate.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.delegate.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.delegate.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.delegate.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.delegate.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.delegate.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.delegate.isExpired();
		}

	}

}
