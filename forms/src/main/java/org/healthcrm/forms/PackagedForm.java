package org.healthcrm.forms;

/**
 * A form definition as the application ships it.
 *
 * @param key        the form key, its file name without .json ("intake-demographics")
 * @param feature    the product feature, its folder ("intake")
 * @param resource   where it was read from, e.g. the classpath resource "forms/intake/intake-demographics.json"
 * @param sha256     SHA-256 of the file's bytes as lower-case hex: identifies this version of the definition
 * @param definition the loaded definition
 */
public record PackagedForm(String key, String feature, String resource, String sha256, FormDefinition definition) {
}
