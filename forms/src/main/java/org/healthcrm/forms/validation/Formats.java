package org.healthcrm.forms.validation;

import java.util.regex.Pattern;

/** The formats Form.io checks for email, url, phone number and time, as Java patterns. */
final class Formats {

    /** Form.io's email pattern (validateEmail). */
    static final Pattern EMAIL = Pattern.compile(
            "^(([^<>()\\[\\]\\\\.,;:\\s@\"]+(\\.[^<>()\\[\\]\\\\.,;:\\s@\"]+)*)|(\".+\"))@"
                    + "((\\[[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}])|(([a-zA-Z\\-0-9]+\\.)+[a-zA-Z]{2,}))$");

    private static final String LABEL = "[a-z\\u00a1-\\uffff0-9]+(?:-+[a-z\\u00a1-\\uffff0-9]+)*";
    private static final String TLD = "\\.[a-z\\u00a1-\\uffff]{2,}";
    private static final String IPV4 = "(?!(?:10|127)(?:\\.\\d{1,3}){3})(?!(?:169\\.254|192\\.168)(?:\\.\\d{1,3}){2})"
            + "(?!172\\.(?:1[6-9]|2\\d|3[0-1])(?:\\.\\d{1,3}){2})(?:[1-9]\\d?|1\\d\\d|2[01]\\d|22[0-3])"
            + "(?:\\.(?:1?\\d{1,2}|2[0-4]\\d|25[0-5])){2}(?:\\.(?:[1-9]\\d?|1\\d\\d|2[0-4]\\d|25[0-4]))";
    private static final String USER = "(?:\\S+(?::\\S*)?@)?";
    private static final String TAIL = "(?::\\d{2,5})?(?:[/?#]\\S*)?$";

    /**
     * Form.io's two url patterns (validateUrl): the protocol is optional when there is a top-level domain, and
     * required otherwise (http://localhost:8080). Host labels are written without the original's nested
     * quantifier, which backtracks exponentially; they accept the same texts.
     */
    static final Pattern URL = Pattern.compile("^(?:(?:(?:https?|ftp):)?//)?" + USER
            + "(?:" + IPV4 + "|" + LABEL + "(?:\\." + LABEL + ")*" + TLD + ")" + TAIL, Pattern.CASE_INSENSITIVE);
    static final Pattern URL_NO_TLD = Pattern.compile("^(?:https?|ftp)://" + USER
            + "(?:" + IPV4 + "|" + LABEL + "(?:\\." + LABEL + ")*(?:" + TLD + ")?)" + TAIL, Pattern.CASE_INSENSITIVE);

    /** Without an input mask: digits with the usual separators, 7 to 15 digits (E.164's maximum). */
    static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().\\-]{7,30}");

    /** Form.io's time component submits HH:mm:ss; HH:mm is accepted too. */
    static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?");

    static final int MAX_EMAIL_LENGTH = 254;
    static final int MAX_URL_LENGTH = 2048;

    private Formats() {
    }

    static boolean isEmail(String value) {
        return value.length() <= MAX_EMAIL_LENGTH && BoundedText.find(EMAIL, value);
    }

    static boolean isUrl(String value) {
        return value.length() <= MAX_URL_LENGTH
                && (BoundedText.find(URL, value) || BoundedText.find(URL_NO_TLD, value))
                && !isEmail(value);
    }

    static boolean isPhone(String value) {
        if (!PHONE.matcher(value).matches()) {
            return false;
        }
        int digits = 0;
        for (int i = 0; i < value.length(); i++) {
            if (Character.isDigit(value.charAt(i))) {
                digits++;
            }
        }
        return digits >= 7 && digits <= 15;
    }
}
