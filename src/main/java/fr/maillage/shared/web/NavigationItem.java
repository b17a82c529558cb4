package fr.maillage.shared.web;

/**
 * An entry of the main navigation. Each module that has public pages declares one bean.
 *
 * @param labelKey message key of the label
 * @param path the page it leads to
 * @param order position from left to right
 */
public record NavigationItem(String labelKey, String path, int order) {
}
