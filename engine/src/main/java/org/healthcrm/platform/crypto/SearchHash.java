package org.healthcrm.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Keyed hashes of search terms, stored next to encrypted columns so that patients can still be found by name, birth
 * date, phone or identifier: a lookup hashes the term the same way and compares hashes with {@code =}. The hash is
 * HMAC-SHA256 under a key derived from the current field encryption key (HMAC of "healthcrm search hash v1"), so
 * one secret is configured, and without it the hashes cannot be reproduced from guessed names or dates. Each kind of
 * term is hashed with its own prefix, so equal text of different kinds gives different hashes.
 * <p>
 * Every method returns 64 lowercase hex digits ({@code char(64)} columns), or null for null or blank input. A new
 * encryption key changes every hash: a key rotation has to recompute them. Thread-safe.
 */
@Component
public class SearchHash {

    static final String DERIVATION_LABEL = "healthcrm search hash v1";

    private static final String HMAC = "HmacSHA256";

    /** Letters that NFKD does not decompose into a base letter and a mark. */
    private static final Map<Integer, String> FOLDED = Map.of(
            (int) 'ł', "l",
            (int) 'ø', "o",
            (int) 'æ', "ae",
            (int) 'œ', "oe",
            (int) 'ß', "ss",
            (int) 'đ', "d",
            (int) 'ð', "d",
            (int) 'þ', "th",
            (int) 'ı', "i",
            (int) 'ς', "σ");

    /** Apostrophes are dropped, so "O'Brien" and "OBrien" match; other punctuation separates words. */
    private static final String APOSTROPHES = "'\u2018\u2019\u02bc\u0060\u00b4";

    private final SecretKey key;

    public SearchHash(FieldKeys keys) {
        SecretKey encryptionKey = new SecretKeySpec(keys.current().getEncoded(), HMAC);
        this.key = new SecretKeySpec(hmac(encryptionKey, DERIVATION_LABEL.getBytes(StandardCharsets.US_ASCII)), HMAC);
    }

    /** A person's name, or any part of it, {@link #normalizeName normalized}. */
    public String name(String name) {
        return hash("name:", normalizeName(name));
    }

    /** A birth date, in its ISO form (2001-02-03). */
    public String birthDate(LocalDate birthDate) {
        return hash("birth-date:", birthDate == null ? null : birthDate.toString());
    }

    /** A phone number, {@link #normalizePhone normalized}. */
    public String phone(String phone) {
        return hash("phone:", normalizePhone(phone));
    }

    /** An identifier such as a medical record number: trimmed, upper case. */
    public String identifier(String identifier) {
        return hash("identifier:", normalizeIdentifier(identifier));
    }

    /**
     * Decomposes (NFKD) and drops the combining marks, lower-cases (Locale.ROOT), folds ł, ø, æ, œ, ß, đ, ð, þ, ı and
     * final ς, drops apostrophes, keeps letters and digits, and turns every other run of characters (spaces, hyphens,
     * dots) into a single space, trimmed: " Łukasz ", "lukasz" and "LUKASZ" are all "lukasz", "Mary-Jane" is
     * "mary jane", "O'Brien" is "obrien".
     */
    static String normalizeName(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder withoutApostrophes = new StringBuilder(name.length());
        name.codePoints().filter(c -> APOSTROPHES.indexOf(c) < 0).forEach(withoutApostrophes::appendCodePoint);
        String lower = Normalizer.normalize(withoutApostrophes, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean space = false;
        for (int i = 0; i < lower.length(); ) {
            int c = lower.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                continue;
            }
            String folded = FOLDED.get(c);
            if (folded == null && !Character.isLetterOrDigit(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            if (folded != null) {
                out.append(folded);
            } else {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /**
     * The digits only (in any script, as 0-9), and of more than 10 the last 10, so that a leading country code does
     * not matter: "+1 (555) 010-2233" and "555-010-2233" are both "5550102233".
     */
    static String normalizePhone(String phone) {
        if (phone == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder(phone.length());
        phone.codePoints().filter(Character::isDigit).forEach(c -> digits.append(Character.digit(c, 10)));
        return digits.length() > 10 ? digits.substring(digits.length() - 10) : digits.toString();
    }

    static String normalizeIdentifier(String identifier) {
        return identifier == null ? null : identifier.strip().toUpperCase(Locale.ROOT);
    }

    private String hash(String kind, String normalized) {
        if (normalized == null || normalized.isBlank()) {
            return null;
        }
        byte[] input = (kind + normalized).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(hmac(key, input));
    }

    private static byte[] hmac(SecretKey key, byte[] input) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 failed", e);
        }
    }
}
