package org.healthcrm.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.springframework.stereotype.Component;

/**
 * Encrypts single column values with AES-256-GCM under the current {@link FieldKeys key}: a fresh random 12-byte IV
 * for every value and a 128-bit authentication tag, so equal values encrypt differently and any change to a stored
 * value is detected. Stored forms:
 * <ul>
 * <li>text: {@code <key id>:<base64 of iv || ciphertext || tag>}, e.g. {@code 3f9a0c1e:q2Xl...}, 8 + 1 +
 * 4&#x2308;(28 + n) / 3&#x2309; characters for n bytes of UTF-8 plain text;</li>
 * <li>binary: {@code [version 1][8 ASCII bytes key id][12 bytes iv][ciphertext || tag]}, n + 37 bytes.</li>
 * </ul>
 * The version and key id are authenticated with the value (GCM associated data). Decryption picks the key by the
 * stored id, so values written under a previous key stay readable after a rotation while new values use the current
 * key. Failures raise an {@link IllegalStateException} whose message never contains the value. Thread-safe: each
 * thread keeps one {@link Cipher} and initialises it for every value (looking up the JCE provider for each value was
 * over 1% of the application's CPU in the intake benchmark).
 */
@Component
public class FieldCipher {

    static final byte VERSION = 1;
    static final int IV_BYTES = 12;
    static final int TAG_BITS = 128;
    static final int TAG_BYTES = TAG_BITS / 8;
    /** Version byte plus key id: the head of a binary value and the associated data of both forms. */
    static final int HEADER_BYTES = 1 + FieldKeys.KEY_ID_LENGTH;

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    /** A thread's AES/GCM cipher, initialised again (key, fresh IV) for each value, so no state carries over. */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JVM provides no " + TRANSFORMATION + " cipher", e);
        }
    });

    private final FieldKeys keys;
    private final SecureRandom random = new SecureRandom();

    public FieldCipher(FieldKeys keys) {
        this.keys = keys;
    }

    /** Id of the key that encrypts new values. */
    public String currentKeyId() {
        return keys.currentId();
    }

    /** The text form of {@code plain} encrypted under the current key; null stays null. */
    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        String keyId = keys.currentId();
        byte[] header = header(keyId);
        byte[] plainBytes = plain.getBytes(StandardCharsets.UTF_8);
        byte[] sealed = new byte[IV_BYTES + plainBytes.length + TAG_BYTES];
        seal(header, plainBytes, sealed, 0);
        return keyId + ':' + Base64.getEncoder().encodeToString(sealed);
    }

    /** The plain text of a value {@link #encrypt(String) encrypted} under the current or a previous key. */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        int colon = stored.indexOf(':');
        if (colon != FieldKeys.KEY_ID_LENGTH || !isKeyId(stored, 0)) {
            throw malformed();
        }
        String keyId = stored.substring(0, colon);
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(stored.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        return new String(open(keyId, sealed, 0), StandardCharsets.UTF_8);
    }

    /** The binary form of {@code plain} encrypted under the current key; null stays null. */
    public byte[] encrypt(byte[] plain) {
        if (plain == null) {
            return null;
        }
        byte[] header = header(keys.currentId());
        byte[] stored = new byte[HEADER_BYTES + IV_BYTES + plain.length + TAG_BYTES];
        System.arraycopy(header, 0, stored, 0, HEADER_BYTES);
        seal(header, plain, stored, HEADER_BYTES);
        return stored;
    }

    /** The plain bytes of a value {@link #encrypt(byte[]) encrypted} under the current or a previous key. */
    public byte[] decrypt(byte[] stored) {
        if (stored == null) {
            return null;
        }
        if (stored.length < HEADER_BYTES || stored[0] != VERSION) {
            throw malformed();
        }
        String keyId = new String(stored, 1, FieldKeys.KEY_ID_LENGTH, StandardCharsets.ISO_8859_1);
        if (!isKeyId(keyId, 0)) {
            throw malformed();
        }
        return open(keyId, stored, HEADER_BYTES);
    }

    /** Writes iv || ciphertext || tag to {@code out} from {@code offset}. */
    private void seal(byte[] header, byte[] plain, byte[] out, int offset) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.current(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(header);
            System.arraycopy(iv, 0, out, offset, IV_BYTES);
            cipher.doFinal(plain, 0, plain.length, out, offset + IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Field encryption failed", e);
        }
    }

    /** Decrypts iv || ciphertext || tag, read from {@code sealed} from {@code offset}. */
    private byte[] open(String keyId, byte[] sealed, int offset) {
        SecretKey key = keys.byId(keyId);
        if (key == null) {
            throw new IllegalStateException("encrypted value under unknown key " + keyId + ": add that key to"
                    + " healthcrm.encryption.previous-keys");
        }
        if (sealed.length - offset < IV_BYTES + TAG_BYTES) {
            throw integrityFailure(null);
        }
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, offset, IV_BYTES));
            cipher.updateAAD(header(keyId));
            return cipher.doFinal(sealed, offset + IV_BYTES, sealed.length - offset - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw integrityFailure(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Field decryption failed", e);
        }
    }

    private static byte[] header(String keyId) {
        byte[] header = new byte[HEADER_BYTES];
        header[0] = VERSION;
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(id, 0, header, 1, FieldKeys.KEY_ID_LENGTH);
        return header;
    }

    /** Whether 8 lowercase hex digits start at {@code from}: anything else is not a key id, and is not echoed. */
    private static boolean isKeyId(String text, int from) {
        if (text.length() < from + FieldKeys.KEY_ID_LENGTH) {
            return false;
        }
        for (int i = from; i < from + FieldKeys.KEY_ID_LENGTH; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static IllegalStateException malformed() {
        return new IllegalStateException("encrypted value is not in the format of FieldCipher (version 1, key id,"
                + " iv, ciphertext): it was not written by it, or it was altered");
    }

    private static IllegalStateException integrityFailure(Exception cause) {
        return new IllegalStateException("encrypted value failed its integrity check: it was altered or truncated",
                cause);
    }
}
