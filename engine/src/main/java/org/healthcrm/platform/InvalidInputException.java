package org.healthcrm.platform;

/** Input a person can correct: names the field and says why, never echoes the value. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
