/**
 * Form.io forms on the server: {@link org.healthcrm.forms.FormCatalog} loads the packaged definitions
 * ({@code forms/<feature>/<key>.json}) as {@link org.healthcrm.forms.FormDefinition}s, refusing what the server
 * cannot honour; {@link org.healthcrm.forms.validation.SubmissionValidator} checks and cleans submissions;
 * {@link org.healthcrm.forms.DomainValues} turns cleaned data into typed values of the record fields the form's fields
 * feed ({@code properties.domain}).
 * The typed component tree is in {@link org.healthcrm.forms.model}; the JSONLogic evaluator that replaces
 * JavaScript is in {@link org.healthcrm.forms.logic}.
 */
package org.healthcrm.forms;
