package org.healthcrm.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.crypto.spec.SecretKeySpec;

import org.healthcrm.platform.HealthCrmProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class FieldKeysTest {

    private static final String PASSWORD = "keystore-Passw0rd";

    @TempDir
    Path dir;

    private final HealthCrmProperties properties = new HealthCrmProperties();
    private final HealthCrmProperties.Encryption settings = properties.getEncryption();

    @Test
    void theKeySettingIsUsedAndKnownByTheStartOfItsSha256(CapturedOutput output) throws Exception {
        byte[] key = TestKeys.randomKey();
        properties.setDataDir(dir);
        settings.setKey(TestKeys.base64(key));

        FieldKeys keys = new FieldKeys(properties);

        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key));
        assertThat(keys.currentId()).isEqualTo(sha256.substring(0, 8));
        assertThat(keys.current().getEncoded()).isEqualTo(key);
        assertThat(keys.current().getAlgorithm()).isEqualTo("AES");
        assertThat(output).contains("Field encryption uses key " + keys.currentId() + " from healthcrm.encryption.key")
                .doesNotContain(TestKeys.base64(key));
        assertThat(dir.resolve("keys")).doesNotExist();
    }

    @Test
    void theKeySettingComesBeforeTheKeystoreAndTheKeystoreBeforeTheKeyFile() throws Exception {
        byte[] settingKey = TestKeys.randomKey();
        byte[] keystoreKey = TestKeys.randomKey();
        byte[] fileKey = TestKeys.randomKey();
        properties.setDataDir(dir);
        Files.createDirectories(dir.resolve("keys"));
        Files.writeString(dir.resolve("keys/field-encryption.key"), TestKeys.base64(fileKey) + "\n");
        assertThat(new FieldKeys(properties).current().getEncoded()).isEqualTo(fileKey);

        settings.setKeystore(keystore(keystoreKey, "healthcrm-field-key"));
        settings.setKeystorePassword(PASSWORD);
        assertThat(new FieldKeys(properties).current().getEncoded()).isEqualTo(keystoreKey);

        settings.setKey(TestKeys.base64(settingKey));
        assertThat(new FieldKeys(properties).current().getEncoded()).isEqualTo(settingKey);

        settings.setKey("  ");
        assertThat(new FieldKeys(properties).current().getEncoded()).as("a blank key is no key")
                .isEqualTo(keystoreKey);
    }

    @Test
    void aKeystoreMadeWithTheKeytoolCommandOfTheOperationsGuideIsRead() throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        assumeThat(Files.isExecutable(keytool)).as("keytool in the JDK").isTrue();
        Path keystore = dir.resolve("healthcrm-keys.p12");
        Process process = new ProcessBuilder(keytool.toString(), "-genseckey", "-alias", "healthcrm-field-key",
                "-keyalg", "AES", "-keysize", "256", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
        properties.setDataDir(dir);
        settings.setKeystore(keystore);
        settings.setKeystorePassword(PASSWORD);

        FieldKeys keys = new FieldKeys(properties);

        assertThat(keys.current().getEncoded()).hasSize(32);
        FieldCipher cipher = new FieldCipher(keys);
        assertThat(cipher.decrypt(cipher.encrypt("Zoë"))).isEqualTo("Zoë");
    }

    @Test
    void keystoreErrorsNameTheKeystoreAndTheSetting() throws Exception {
        properties.setDataDir(dir);
        settings.setKeystore(keystore(TestKeys.randomKey(), "another-alias"));
        settings.setKeystorePassword(PASSWORD);
        assertThatThrownBy(() -> new FieldKeys(properties)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no entry healthcrm-field-key (healthcrm.encryption.key-alias)");

        settings.setKeyAlias("another-alias");
        settings.setKeystorePassword("wrong-password");
        assertThatThrownBy(() -> new FieldKeys(properties)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot open the keystore " + settings.getKeystore().toAbsolutePath())
                .hasMessageContaining("healthcrm.encryption.keystore-password");

        settings.setKeystorePassword(PASSWORD);
        settings.setKeystore(dir.resolve("missing.p12"));
        assertThatThrownBy(() -> new FieldKeys(properties)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing.p12 (healthcrm.encryption.keystore) does not exist");
    }

    @Test
    void withCreateKeyIfMissingANewKeyFileIsWrittenForItsOwnerOnlyAndReused(CapturedOutput output) throws Exception {
        properties.setDataDir(dir.resolve("data"));
        settings.setCreateKeyIfMissing(true);
        Path keyFile = dir.resolve("data/keys/field-encryption.key").toAbsolutePath();

        FieldKeys created = new FieldKeys(properties);

        assertThat(keyFile).isRegularFile();
        String base64 = Files.readString(keyFile, StandardCharsets.US_ASCII).strip();
        assertThat(Base64.getDecoder().decode(base64)).hasSize(32).isEqualTo(created.current().getEncoded());
        if (Files.getFileStore(keyFile).supportsFileAttributeView(PosixFileAttributeView.class)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        }
        assertThat(output).contains("Created a new field encryption key in " + keyFile)
                .doesNotContain(base64);

        FieldKeys restarted = new FieldKeys(properties);
        assertThat(restarted.currentId()).isEqualTo(created.currentId());
        assertThat(Files.readString(keyFile, StandardCharsets.US_ASCII).strip()).isEqualTo(base64);
        assertThat(output).containsOnlyOnce("Created a new field encryption key");
    }

    @Test
    void theKeyFileSettingReplacesTheDefaultPlace() throws Exception {
        properties.setDataDir(dir.resolve("data"));
        settings.setKeyFile(dir.resolve("secrets/nested/field.key"));
        settings.setCreateKeyIfMissing(true);

        FieldKeys created = new FieldKeys(properties);

        assertThat(dir.resolve("data/keys")).doesNotExist();
        assertThat(Base64.getDecoder().decode(Files.readString(dir.resolve("secrets/nested/field.key")).strip()))
                .isEqualTo(created.current().getEncoded());

        byte[] key = TestKeys.randomKey();
        Files.writeString(dir.resolve("own.key"), "  " + TestKeys.base64(key) + "\r\n");
        settings.setKeyFile(dir.resolve("own.key"));
        assertThat(new FieldKeys(properties).current().getEncoded()).isEqualTo(key);
    }

    @Test
    void withoutAnyKeyTheStartFailsNamingTheSettings() {
        properties.setDataDir(dir);

        assertThatThrownBy(() -> new FieldKeys(properties))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No field encryption key is configured")
                .hasMessageContaining("healthcrm.encryption.key ")
                .hasMessageContaining("HEALTHCRM_ENCRYPTION_KEY")
                .hasMessageContaining("healthcrm.encryption.keystore ")
                .hasMessageContaining("healthcrm.encryption.key-file ")
                .hasMessageContaining("healthcrm.encryption.create-key-if-missing=true")
                .hasMessageContaining(dir.resolve("keys/field-encryption.key").toAbsolutePath().toString());
        assertThat(dir.resolve("keys")).doesNotExist();
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedWithoutShowingIt() {
        properties.setDataDir(dir);
        String aes128 = TestKeys.base64(TestKeys.randomBytes(16));
        settings.setKey(aes128);

        assertThatThrownBy(() -> new FieldKeys(properties))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("healthcrm.encryption.key must be a 256-bit AES key (32 bytes")
                .hasMessageContaining("it has 16 bytes")
                .hasMessageContaining("openssl rand -base64 32")
                .satisfies(e -> assertThat(FieldCipherTest.allMessages(e)).doesNotContain(aes128));
    }

    @Test
    void aKeyThatIsNotBase64IsRefusedWithoutShowingIt() {
        properties.setDataDir(dir);
        settings.setKey("correct-horse-battery-staple-and-more-words!");

        assertThatThrownBy(() -> new FieldKeys(properties))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("healthcrm.encryption.key is not valid base64")
                .satisfies(e -> assertThat(FieldCipherTest.allMessages(e)).doesNotContain("horse"));
    }

    @Test
    void wrongKeysInAKeyFileAKeystoreOrThePreviousKeysAreRefused() throws Exception {
        properties.setDataDir(dir);
        Files.writeString(dir.resolve("short.key"), TestKeys.base64(TestKeys.randomBytes(24)));
        settings.setKeyFile(dir.resolve("short.key"));
        assertThatThrownBy(() -> new FieldKeys(properties))
                .hasMessageContaining("The field encryption key file " + dir.resolve("short.key").toAbsolutePath())
                .hasMessageContaining("it has 24 bytes");

        settings.setKeystore(keystore(TestKeys.randomBytes(16), "healthcrm-field-key"));
        settings.setKeystorePassword(PASSWORD);
        assertThatThrownBy(() -> new FieldKeys(properties))
                .hasMessageContaining("The entry healthcrm-field-key of the keystore")
                .hasMessageContaining("it has 16 bytes");

        settings.setKey(TestKeys.base64(TestKeys.randomKey()));
        settings.setPreviousKeys(List.of(TestKeys.base64(TestKeys.randomKey()), TestKeys.base64(new byte[31])));
        assertThatThrownBy(() -> new FieldKeys(properties))
                .hasMessageContaining("healthcrm.encryption.previous-keys[1] must be a 256-bit AES key")
                .hasMessageContaining("it has 31 bytes");
    }

    @Test
    void previousKeysAreFoundByTheirIds() {
        byte[] current = TestKeys.randomKey();
        byte[] previous = TestKeys.randomKey();

        FieldKeys keys = TestKeys.keys(current, previous, previous, current);

        assertThat(keys.currentId()).isEqualTo(FieldKeys.idOf(current));
        assertThat(keys.byId(FieldKeys.idOf(current)).getEncoded()).isEqualTo(current);
        assertThat(keys.byId(FieldKeys.idOf(previous)).getEncoded()).isEqualTo(previous);
        assertThat(keys.byId("00000000")).isNull();
    }

    /** A PKCS12 keystore holding {@code key} as an AES secret key entry. */
    private Path keystore(byte[] key, String alias) throws Exception {
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        keystore.load(null, null);
        keystore.setEntry(alias, new KeyStore.SecretKeyEntry(new SecretKeySpec(key, "AES")),
                new KeyStore.PasswordProtection(PASSWORD.toCharArray()));
        Path file = Files.createTempFile(dir, "keys", ".p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            keystore.store(out, PASSWORD.toCharArray());
        }
        return file;
    }
}
