package org.healthcrm.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * HMAC-SHA256 signatures under keys kept outside the database: each purpose gets its own key, derived from the field
 * encryption key (current or previous, named by its id) with the purpose as the label. Whoever can write to the
 * database but does not hold the key cannot make a signature that verifies.
 */
@Component
public class KeyedSignatures {

    private static final String HMAC = "HmacSHA256";
    private static final String LABEL = "healthcrm signature v1:";

    /** A signature and the id of the key that made it. */
    public record Signature(String keyId, String hex) {
    }

    private final FieldKeys keys;

    public KeyedSignatures(FieldKeys keys) {
        this.keys = keys;
    }

    /** Signs {@code data} for {@code purpose} with the current key. */
    public Signature sign(String purpose, String data) {
        return new Signature(keys.currentId(), HexFormat.of().formatHex(mac(keys.current(), purpose, data)));
    }

    /** Whether {@code hex} is the signature of {@code data} for {@code purpose} under the key {@code keyId}. */
    public boolean verify(String purpose, String keyId, String data, String hex) {
        SecretKey key = keys.byId(keyId);
        if (key == null || hex == null) {
            return false;
        }
        byte[] expected = mac(key, purpose, data);
        try {
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] mac(SecretKey fieldKey, String purpose, String data) {
        try {
            Mac derive = Mac.getInstance(HMAC);
            derive.init(new SecretKeySpec(fieldKey.getEncoded(), HMAC));
            SecretKey purposeKey = new SecretKeySpec(derive.doFinal((LABEL + purpose).getBytes(StandardCharsets.UTF_8)),
                    HMAC);
            Mac mac = Mac.getInstance(HMAC);
            mac.init(purposeKey);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 failed", e);
        }
    }
}
