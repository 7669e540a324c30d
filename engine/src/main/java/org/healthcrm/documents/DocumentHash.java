package org.healthcrm.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a document's bytes, stored with the document so that any later change to them shows. */
public final class DocumentHash {

    private DocumentHash() {
    }

    /** The SHA-256 of the bytes as 64 lower-case hexadecimal digits. */
    public static String sha256Hex(byte[] pdf) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
