package fr.maillage.structure;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of a directory search.
 *
 * @param items the structures of this page, by commune then name
 * @param total how many active structures match, on all pages
 * @param number this page's number, from 1
 * @param size structures per page
 */
record DirectoryPage(List<StructureRecord> items, long total, int number, int size) {

	/** How many page numbers the navigation shows on each side of the current one. */
	private static final int AROUND = 2;

	DirectoryPage {
		items = List.copyOf(items);
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

	/** The position of this page's first structure in the whole list, from 1. */
	public long firstPosition() {
		return (long) (this.number - 1) * this.size + 1;
	}

	/**
	 * The page numbers the navigation links to: the first, the last, and those around the
	 * current one; a 0 stands for the pages left out between them.
	 */
	public List<Integer> navigation() {
		List<Integer> pages = new ArrayList<>();
		int last = lastPage();
		for (int page = 1; page <= last; page++) {
			boolean shown = page == 1 || page == last || Math.abs(page - this.number) <= AROUND;
			if (shown) {
				pages.add(page);
			}
			else if (pages.getLast() != 0) {
				pages.add(0);
			}
		}
		return pages;
	}

}
