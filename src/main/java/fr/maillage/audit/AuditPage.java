package fr.maillage.audit;

import java.util.List;

/**
 * One page of the journal.
 *
 * @param entries newest first
 * @param total how many entries match, on all pages
 * @param number this page's number, from 1
 * @param size entries per page
 */
record AuditPage(List<AuditEntry> entries, long total, int number, int size) {

	static AuditPage empty(int size) {
		return new AuditPage(List.of(), 0, 1, size);
	}

	public int lastPage() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

	public boolean hasPrevious() {
		return this.number > 1;
	}

	public boolean hasNext() {
		return this.number < lastPage();
	}

}
