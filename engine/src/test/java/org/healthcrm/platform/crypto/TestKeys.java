package org.healthcrm.platform.crypto;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;

import org.healthcrm.platform.HealthCrmProperties;

/** Random keys and the classes built on them, without a Spring context. */
final class TestKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {
    }

    static byte[] randomKey() {
        return randomBytes(32);
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Keys with {@code key} as the current key and {@code previous} for decryption only. */
    static FieldKeys keys(byte[] key, byte[]... previous) {
        HealthCrmProperties properties = new HealthCrmProperties();
        properties.setDataDir(Path.of("target/no-key-file-here"));
        properties.getEncryption().setKey(base64(key));
        properties.getEncryption().setPreviousKeys(
                Arrays.stream(previous).map(TestKeys::base64).collect(Collectors.toList()));
        return new FieldKeys(properties);
    }

    static FieldCipher cipher(byte[] key, byte[]... previous) {
        return new FieldCipher(keys(key, previous));
    }
}
