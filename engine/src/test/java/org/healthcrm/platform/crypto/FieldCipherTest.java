package org.healthcrm.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldCipherTest {

    private static final String PLAIN = "Zoë Ångström";

    private final byte[] key = TestKeys.randomKey();
    private final FieldCipher cipher = TestKeys.cipher(key);

    @ParameterizedTest
    @ValueSource(strings = {"Zoë Ångström", "Łukasz Żółć", "Núñez 😀 👩‍👩‍👧‍👦", "山田 太郎", "a:b", " ", ""})
    void textRoundTripsAndIsStoredAsKeyIdColonBase64(String plain) {
        String stored = cipher.encrypt(plain);

        assertThat(stored).matches("[0-9a-f]{8}:[A-Za-z0-9+/]+={0,2}")
                .startsWith(FieldKeys.idOf(key) + ":")
                .hasSize(9 + 4 * ceilDiv(12 + plain.getBytes(StandardCharsets.UTF_8).length + 16, 3));
        if (!plain.isBlank()) {
            assertThat(stored).doesNotContain(plain);
        }
        byte[] sealed = Base64.getDecoder().decode(stored.substring(9));
        assertThat(sealed).hasSize(12 + plain.getBytes(StandardCharsets.UTF_8).length + 16);
        assertThat(cipher.decrypt(stored)).isEqualTo(plain);
    }

    @Test
    void nullStaysNull() {
        assertThat(cipher.encrypt((String) null)).isNull();
        assertThat(cipher.decrypt((String) null)).isNull();
        assertThat(cipher.encrypt((byte[]) null)).isNull();
        assertThat(cipher.decrypt((byte[]) null)).isNull();
    }

    @Test
    void theSameValueEncryptsDifferentlyEachTimeWithAFreshIv() {
        String first = cipher.encrypt(PLAIN);
        String second = cipher.encrypt(PLAIN);

        assertThat(first).isNotEqualTo(second);
        byte[] firstIv = Arrays.copyOf(Base64.getDecoder().decode(first.substring(9)), 12);
        byte[] secondIv = Arrays.copyOf(Base64.getDecoder().decode(second.substring(9)), 12);
        assertThat(firstIv).isNotEqualTo(secondIv);
        assertThat(cipher.decrypt(first)).isEqualTo(cipher.decrypt(second)).isEqualTo(PLAIN);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 11, 12, 20, -1})
    void aFlippedByteInIvCiphertextOrTagFailsTheIntegrityCheckWithoutShowingTheValue(int position) {
        byte[] sealed = Base64.getDecoder().decode(cipher.encrypt(PLAIN).substring(9));
        int index = position >= 0 ? position : sealed.length - 1;
        sealed[index] ^= 0x01;
        String tampered = FieldKeys.idOf(key) + ":" + Base64.getEncoder().encodeToString(sealed);

        assertThatThrownBy(() -> cipher.decrypt(tampered))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("encrypted value failed its integrity check")
                .satisfies(e -> assertThat(allMessages(e)).doesNotContain(PLAIN).doesNotContain("Zo"));
    }

    @Test
    void aTruncatedValueFailsTheIntegrityCheck() {
        String stored = cipher.encrypt(PLAIN);
        byte[] sealed = Base64.getDecoder().decode(stored.substring(9));
        String shortened = stored.substring(0, 9)
                + Base64.getEncoder().encodeToString(Arrays.copyOf(sealed, sealed.length - 1));
        String tooShortForIvAndTag = stored.substring(0, 9) + Base64.getEncoder().encodeToString(new byte[27]);

        assertThatThrownBy(() -> cipher.decrypt(shortened))
                .hasMessageStartingWith("encrypted value failed its integrity check");
        assertThatThrownBy(() -> cipher.decrypt(tooShortForIvAndTag))
                .hasMessageStartingWith("encrypted value failed its integrity check");
    }

    @Test
    void theKeyIdIsAuthenticatedWithTheValue() {
        byte[] otherKey = TestKeys.randomKey();
        FieldCipher both = TestKeys.cipher(key, otherKey);
        String stored = both.encrypt(PLAIN);
        String relabelled = FieldKeys.idOf(otherKey) + stored.substring(8);

        assertThatThrownBy(() -> both.decrypt(relabelled))
                .hasMessageStartingWith("encrypted value failed its integrity check");
    }

    @Test
    void aValueUnderAnUnknownKeyNamesTheKeyIdButNotTheValue() {
        byte[] otherKey = TestKeys.randomKey();
        String stored = TestKeys.cipher(otherKey).encrypt(PLAIN);

        assertThatThrownBy(() -> cipher.decrypt(stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("encrypted value under unknown key " + FieldKeys.idOf(otherKey))
                .satisfies(e -> assertThat(allMessages(e)).doesNotContain(PLAIN));
        byte[] storedBytes = TestKeys.cipher(otherKey).encrypt(PLAIN.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> cipher.decrypt(storedBytes))
                .hasMessageStartingWith("encrypted value under unknown key " + FieldKeys.idOf(otherKey));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jonathan Smith", "Jonathan:Smith", "3f9a0c1e", "3f9a0c1e:not base64!", "3F9A0C1E:AAAA"})
    void textThatIsNotInTheStoredFormIsRefusedWithoutEchoingIt(String notEncrypted) {
        assertThatThrownBy(() -> cipher.decrypt(notEncrypted))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("encrypted value is not in the format of FieldCipher")
                .satisfies(e -> assertThat(allMessages(e)).doesNotContain("Jonathan").doesNotContain("base64!"));
    }

    @Test
    void aPreviousKeyStillDecryptsWhileNewValuesUseTheCurrentKey() {
        byte[] oldKey = TestKeys.randomKey();
        FieldCipher beforeRotation = TestKeys.cipher(oldKey);
        String oldText = beforeRotation.encrypt(PLAIN);
        byte[] oldBytes = beforeRotation.encrypt(PLAIN.getBytes(StandardCharsets.UTF_8));

        FieldCipher afterRotation = TestKeys.cipher(key, oldKey);

        assertThat(afterRotation.decrypt(oldText)).isEqualTo(PLAIN);
        assertThat(afterRotation.decrypt(oldBytes)).asString(StandardCharsets.UTF_8).isEqualTo(PLAIN);
        assertThat(afterRotation.currentKeyId()).isEqualTo(FieldKeys.idOf(key));
        String newText = afterRotation.encrypt(PLAIN);
        assertThat(newText).startsWith(FieldKeys.idOf(key) + ":");
        byte[] newBytes = afterRotation.encrypt(new byte[] {42});
        assertThat(new String(newBytes, 1, 8, StandardCharsets.US_ASCII)).isEqualTo(FieldKeys.idOf(key));
        assertThatThrownBy(() -> beforeRotation.decrypt(newText))
                .hasMessageStartingWith("encrypted value under unknown key " + FieldKeys.idOf(key));
    }

    @Test
    void binaryRoundTripsInTheVersionKeyIdIvCiphertextLayout() {
        byte[] pdf = TestKeys.randomBytes(100_000);

        byte[] stored = cipher.encrypt(pdf);

        assertThat(stored).hasSize(1 + 8 + 12 + pdf.length + 16);
        assertThat(stored[0]).isEqualTo((byte) 1);
        assertThat(new String(stored, 1, 8, StandardCharsets.US_ASCII)).isEqualTo(FieldKeys.idOf(key));
        assertThat(cipher.decrypt(stored)).isEqualTo(pdf);
        assertThat(cipher.encrypt(pdf)).isNotEqualTo(stored);
        assertThat(cipher.decrypt(cipher.encrypt(new byte[0]))).isEmpty();
    }

    @Test
    void aFlippedByteInABinaryValueFailsTheIntegrityCheck() {
        byte[] plain = PLAIN.getBytes(StandardCharsets.UTF_8);
        for (int index : new int[] {9, 21, 1 + 8 + 12 + plain.length + 15}) {
            byte[] stored = cipher.encrypt(plain);
            stored[index] ^= (byte) 0x80;
            assertThatThrownBy(() -> cipher.decrypt(stored))
                    .as("byte %d flipped", index)
                    .hasMessageStartingWith("encrypted value failed its integrity check")
                    .satisfies(e -> assertThat(allMessages(e)).doesNotContain(PLAIN));
        }
    }

    @Test
    void binaryValuesOfAnotherVersionOrWithoutAKeyIdAreRefused() {
        byte[] otherVersion = cipher.encrypt(new byte[] {1, 2, 3});
        otherVersion[0] = 2;
        byte[] badKeyId = cipher.encrypt(new byte[] {1, 2, 3});
        badKeyId[1] = 'X';

        assertThatThrownBy(() -> cipher.decrypt(otherVersion))
                .hasMessageStartingWith("encrypted value is not in the format of FieldCipher");
        assertThatThrownBy(() -> cipher.decrypt(badKeyId))
                .hasMessageStartingWith("encrypted value is not in the format of FieldCipher");
        assertThatThrownBy(() -> cipher.decrypt(new byte[] {1, 2}))
                .hasMessageStartingWith("encrypted value is not in the format of FieldCipher");
    }

    @Test
    void aFailedCheckLeavesTheThreadAbleToEncryptAndDecryptUnderEveryKey() {
        byte[] previousKey = TestKeys.randomKey();
        String underPrevious = TestKeys.cipher(previousKey).encrypt("written before the rotation");
        FieldCipher rotated = TestKeys.cipher(key, previousKey);
        String stored = rotated.encrypt(PLAIN);
        byte[] sealed = Base64.getDecoder().decode(stored.substring(9));
        sealed[sealed.length - 1] ^= 0x01;
        String tampered = FieldKeys.idOf(key) + ":" + Base64.getEncoder().encodeToString(sealed);

        assertThatThrownBy(() -> rotated.decrypt(tampered))
                .hasMessageStartingWith("encrypted value failed its integrity check");
        assertThat(rotated.decrypt(stored)).isEqualTo(PLAIN);
        assertThat(rotated.decrypt(underPrevious)).isEqualTo("written before the rotation");
        assertThat(rotated.decrypt(rotated.encrypt("after the failure"))).isEqualTo("after the failure");
        assertThat(rotated.decrypt(rotated.encrypt(new byte[] {4, 2}))).containsExactly(4, 2);
    }

    @Test
    void threadsEncryptingAndDecryptingAtOnceEachGetTheirOwnValuesBack() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(threads.submit(() -> {
                    List<String> wrong = new ArrayList<>();
                    for (int i = 0; i < 500; i++) {
                        String plain = "patient " + thread + "-" + i + " " + PLAIN;
                        if (!plain.equals(cipher.decrypt(cipher.encrypt(plain)))) {
                            wrong.add(plain);
                        }
                        byte[] bytes = plain.getBytes(StandardCharsets.UTF_8);
                        if (!Arrays.equals(bytes, cipher.decrypt(cipher.encrypt(bytes)))) {
                            wrong.add("bytes of " + plain);
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<List<String>> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEmpty();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** The messages of an exception and of all its causes. */
    static String allMessages(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t).append('\n');
        }
        return messages.toString();
    }
}
