package fr.maillage.account;

import java.util.List;

/**
 * What the signed-in person still has to do elsewhere in the application, shown briefly
 * on "Mon espace". Implemented by the modules that know (the campaign module: the
 * questionnaires to answer), which depend on this one, not the other way round.
 */
public interface PersonalToDo {

	/** The current person's items, the most urgent first. */
	List<Item> items();

	/**
	 * One thing to do.
	 *
	 * @param title what, in French (e.g. "Centre social Saint-Jacques – données 2025")
	 * @param detail when or how, in French (e.g. the deadline)
	 * @param link where to do it
	 */
	record Item(String title, String detail, String link) {
	}

}
