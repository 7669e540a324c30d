package org.healthcrm.forms.model;

import org.healthcrm.forms.logic.JsonLogic;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A component's {@code validate} block, compiled. Counts of 0 mean "no limit", as in Form.io.
 *
 * @param required         the field must have a value
 * @param minLength        minimum characters (text) or rows (data grid, edit grid)
 * @param maxLength        maximum characters (text) or rows (data grid, edit grid)
 * @param minWords         minimum words (text)
 * @param maxWords         maximum words (text)
 * @param pattern          the whole value must match (Form.io anchors the pattern with ^...$); may be null
 * @param patternMessage   message shown when the pattern does not match; may be null
 * @param min              smallest number allowed; may be null
 * @param max              largest number allowed; may be null
 * @param minSelectedCount selectboxes: at least this many checked
 * @param maxSelectedCount selectboxes: at most this many checked
 * @param customMessage    replaces every message of this field ({{field}} is substituted); may be null
 * @param json             JSONLogic rule: true means valid, a string is the error message; may be null
 */
public record Validation(boolean required, int minLength, int maxLength, int minWords, int maxWords,
                         Pattern pattern, String patternMessage, BigDecimal min, BigDecimal max,
                         int minSelectedCount, int maxSelectedCount, String customMessage, JsonLogic json) {

    public static final Validation NONE =
            new Validation(false, 0, 0, 0, 0, null, null, null, null, 0, 0, null, null);
}
