package org.healthcrm.forms.model;

import java.util.regex.Pattern;

/**
 * A Form.io input mask such as {@code (999) 999-9999} and the equivalent anchored pattern. The browser submits the
 * masked text, so the whole value must have the mask's shape.
 */
public record InputMask(String mask, Pattern pattern) {

    /** Compiles a Form.io mask: 9 a digit, a a lower-case letter, A any letter, * a letter or digit. */
    public static InputMask of(String mask) {
        StringBuilder regex = new StringBuilder(mask.length() * 4);
        for (int i = 0; i < mask.length(); i++) {
            char c = mask.charAt(i);
            switch (c) {
                case '9' -> regex.append("[0-9]");
                case 'a' -> regex.append("[a-z]");
                case 'A' -> regex.append("[a-zA-Z]");
                case '*' -> regex.append("[a-zA-Z0-9]");
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new InputMask(mask, Pattern.compile(regex.toString()));
    }

    public boolean matches(String value) {
        return value.length() <= mask.length() * 2 && pattern.matcher(value).matches();
    }
}
