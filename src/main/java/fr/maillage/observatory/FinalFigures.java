package fr.maillage.observatory;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import fr.maillage.account.AccessPolicy;
import fr.maillage.account.AccountPrincipal;
import fr.maillage.audit.AuditEvent;
import fr.maillage.audit.AuditTrail;
import fr.maillage.shared.security.Permission;
import fr.maillage.shared.security.Scope;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Marking a territory's figures of a data year final (permissions.md): the national
 * administration may; a Caf advisor may in their scope once the federation's agreement is
 * recorded; a federation records that agreement in its scope. Marking freezes the live
 * figures as the territory's next dated version, which nothing changes afterwards (a
 * database trigger refuses it); a later correction is marked again as a new version.
 */
@Service
public class FinalFigures {

	private final FigureRepository repository;

	private final Figures figures;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final FigureCache cache;

	private final FigureRefresh refresh;

	private final Clock clock;

	FinalFigures(FigureRepository repository, Figures figures, AccessPolicy access, AuditTrail audit, FigureCache cache,
			FigureRefresh refresh, Clock clock) {
		this.repository = repository;
		this.figures = figures;
		this.access = access;
		this.audit = audit;
		this.cache = cache;
		this.refresh = refresh;
		this.clock = clock;
	}

	/** What the signed-in person may do about a territory's figures of a year. */
	public record Rights(boolean mayMark, boolean needsAgreement, boolean mayAgree) {

		public static final Rights NONE = new Rights(false, false, false);

		public boolean any() {
			return this.mayMark || this.mayAgree;
		}

	}

	public Rights rights(TerritoryRef territory) {
		if (territory.level() == TerritoryRef.Level.SIMILAR || this.access.currentUser().isEmpty()) {
			return Rights.NONE;
		}
		boolean mark = covers(this.access.scopeFor(Permission.MARK_FIGURES_FINAL), territory);
		boolean national = this.access.scopeFor(Permission.MARK_FIGURES_FINAL).nation();
		boolean agree = covers(this.access.scopeFor(Permission.AGREE_FIGURES_FINAL), territory);
		return new Rights(mark, mark && !national, agree);
	}

	/**
	 * The federation's agreement a Caf advisor may mark the next final version under: the
	 * latest one recorded, if no version was marked under it yet (an agreement covers the
	 * figures it was given for, not later corrections).
	 */
	public Optional<Agreement> agreement(TerritoryRef territory, int year) {
		return this.repository.agreement(year, territory.id())
			.filter(agreement -> !this.repository.agreementUsed(agreement.id()))
			.map(agreement -> new Agreement(agreement.id(), agreement.agreedBy(), agreement.agreedAt(),
					agreement.note()));
	}

	/** A federation's agreement, as the territory's page shows it to those concerned. */
	public record Agreement(long id, String agreedBy, java.time.Instant agreedAt, String note) {
	}

	/**
	 * Freezes the territory's live figures of that year as its next version.
	 * @return the version's number
	 * @throws AccessDeniedException outside the person's rights, or for a Caf advisor
	 * without the federation's agreement ({@link MissingAgreementException})
	 */
	@Transactional
	public int markFinal(TerritoryRef territory, int year, String note) {
		Rights rights = rights(territory);
		if (!rights.mayMark()) {
			throw new AccessDeniedException("not allowed to mark " + territory + " final");
		}
		Optional<Agreement> agreement = agreement(territory, year);
		if (rights.needsAgreement() && agreement.isEmpty()) {
			throw new MissingAgreementException();
		}
		AccountPrincipal user = this.access.currentUser().orElseThrow();
		this.repository.lockYear(year);
		int number = this.repository.freeze(year, territory.id(), user.id(), agreement.map(Agreement::id).orElse(null),
				this.figures.catalogue().version(), this.clock.instant(), note);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("territory", territory.id());
		after.put("dataYear", year);
		after.put("version", number);
		after.put("note", note);
		this.audit.record(new AuditEvent(AuditEvent.Category.DATA, "figures.final", user.id(), "figures",
				territory.id() + "/" + year, departement(territory), null, Map.of(), after));
		this.cache.clearAfterCommit(this.repository.bumpGeneration(this.clock.instant()));
		// Once committed, the year's live figures are protected again with the new frozen
		// ones counted as published (Confidentiality: pinned figures).
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				FinalFigures.this.refresh.refresh(year);
			}
		});
		return number;
	}

	/**
	 * Records the federation's agreement to mark a territory's figures of a year final.
	 */
	@Transactional
	public void agree(TerritoryRef territory, int year, String note) {
		if (!rights(territory).mayAgree()) {
			throw new AccessDeniedException("not allowed to agree for " + territory);
		}
		AccountPrincipal user = this.access.currentUser().orElseThrow();
		long id = this.repository.agree(year, territory.id(), user.id(), this.clock.instant(), note);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("territory", territory.id());
		after.put("dataYear", year);
		after.put("agreement", id);
		after.put("note", note);
		this.audit.record(new AuditEvent(AuditEvent.Category.DATA, "figures.agreed", user.id(), "figures",
				territory.id() + "/" + year, departement(territory), null, Map.of(), after));
	}

	private boolean covers(Scope scope, TerritoryRef territory) {
		return switch (territory.level()) {
			case NATION -> scope.nation();
			case REGION -> scope.covers(territory.code(), null, null);
			case DEPARTEMENT -> scope.covers(this.figures.regionOf(territory).map(TerritoryRef::code).orElse(null),
					territory.code(), null);
			case SIMILAR -> false;
		};
	}

	private static String departement(TerritoryRef territory) {
		return (territory.level() == TerritoryRef.Level.DEPARTEMENT) ? territory.code() : null;
	}

	/** A Caf advisor marks final only once the federation has agreed. */
	public static class MissingAgreementException extends AccessDeniedException {

		MissingAgreementException() {
			super("the federation's agreement is not recorded");
		}

	}

}
