package org.healthcrm.platform.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.UnrecoverableEntryException;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.healthcrm.platform.HealthCrmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The AES-256 keys of field encryption, loaded once at start-up from the {@code healthcrm.encryption} settings. The
 * current key comes from the first of these that is set:
 * <ol>
 * <li>{@code healthcrm.encryption.key} (environment {@code HEALTHCRM_ENCRYPTION_KEY}): base64 of 32 bytes;</li>
 * <li>{@code healthcrm.encryption.keystore}: a PKCS12 keystore with an AES secret key entry under
 * {@code key-alias}, opened with {@code keystore-password};</li>
 * <li>{@code healthcrm.encryption.key-file} (default {@code <data-dir>/keys/field-encryption.key}): base64 text. With
 * {@code create-key-if-missing} a missing file is created with a new random key, readable by its owner only.</li>
 * </ol>
 * No key at all, or a key that is not 32 bytes, stops the start with a message naming the settings. The
 * {@code previous-keys} only decrypt values written before a rotation. Every key is known by its id, the first 8
 * hex digits of the SHA-256 of its bytes, which is stored next to each encrypted value. Nothing here logs key
 * material, only key ids and paths.
 */
@Component
public class FieldKeys {

    /** Length of an AES-256 key. */
    static final int KEY_BYTES = 32;
    /** Length of a key id: hex digits. */
    static final int KEY_ID_LENGTH = 8;

    private static final Logger log = LoggerFactory.getLogger(FieldKeys.class);
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey current;
    private final String currentId;
    private final Map<String, SecretKey> byId;

    public FieldKeys(HealthCrmProperties properties) {
        HealthCrmProperties.Encryption settings = properties.getEncryption();
        Loaded loaded = loadCurrent(settings, properties.getDataDir());
        this.current = aesKey(loaded.key());
        this.currentId = idOf(loaded.key());
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        keys.put(currentId, current);
        List<String> previous = settings.getPreviousKeys() == null ? List.of() : settings.getPreviousKeys();
        for (int i = 0; i < previous.size(); i++) {
            byte[] key = decode(previous.get(i), "healthcrm.encryption.previous-keys[" + i + "]");
            String id = idOf(key);
            SecretKey known = keys.get(id);
            if (known != null && !MessageDigest.isEqual(known.getEncoded(), key)) {
                throw new IllegalStateException("Two different field encryption keys have the same id " + id
                        + ": replace one of them");
            }
            keys.putIfAbsent(id, aesKey(key));
        }
        this.byId = Collections.unmodifiableMap(keys);
        log.info("Field encryption uses key {} from {}{}", currentId, loaded.source(),
                byId.size() > 1 ? " and decrypts with " + (byId.size() - 1) + " previous key(s) as well" : "");
    }

    /** The key that encrypts new values. */
    SecretKey current() {
        return current;
    }

    /** Id of the current key. */
    public String currentId() {
        return currentId;
    }

    /** The current or previous key with this id, or null when there is none. */
    SecretKey byId(String id) {
        return byId.get(id);
    }

    /** The id of a key: the first 8 lowercase hex digits of the SHA-256 of its bytes. */
    static String idOf(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, KEY_ID_LENGTH / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static Loaded loadCurrent(HealthCrmProperties.Encryption settings, Path dataDir) {
        if (settings.getKey() != null && !settings.getKey().isBlank()) {
            return new Loaded(decode(settings.getKey(), "healthcrm.encryption.key"), "healthcrm.encryption.key");
        }
        if (settings.getKeystore() != null) {
            return new Loaded(fromKeystore(settings), "the keystore " + settings.getKeystore().toAbsolutePath()
                    + " (alias " + settings.getKeyAlias() + ")");
        }
        Path file = keyFile(settings, dataDir);
        if (Files.exists(file)) {
            return new Loaded(fromKeyFile(file), "the key file " + file);
        }
        if (settings.isCreateKeyIfMissing()) {
            return new Loaded(createKeyFile(file), "the key file " + file);
        }
        throw new IllegalStateException("No field encryption key is configured, so patient data cannot be encrypted."
                + " Set one of: healthcrm.encryption.key (or the environment variable HEALTHCRM_ENCRYPTION_KEY),"
                + " base64 of 32 random bytes, e.g. from 'openssl rand -base64 32';"
                + " healthcrm.encryption.keystore (a PKCS12 keystore with an AES-256 secret key under"
                + " healthcrm.encryption.key-alias, opened with healthcrm.encryption.keystore-password);"
                + " healthcrm.encryption.key-file (a file holding the base64 key; looked for at " + file
                + ", which does not exist). For a demo, healthcrm.encryption.create-key-if-missing=true creates"
                + " that file with a new key. See docs/operations.md, 'Encryption at rest'.");
    }

    static Path keyFile(HealthCrmProperties.Encryption settings, Path dataDir) {
        Path file = settings.getKeyFile() != null ? settings.getKeyFile()
                : dataDir.resolve("keys").resolve("field-encryption.key");
        return file.toAbsolutePath().normalize();
    }

    /** Decodes a base64 key; the messages name the setting, never its value. */
    private static byte[] decode(String base64, String setting) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException(setting + " is empty: it must be base64 of 32 bytes (a 256-bit AES key),"
                    + " e.g. from 'openssl rand -base64 32'");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            // The cause is left out: its message quotes a character of the key.
            throw new IllegalStateException(setting + " is not valid base64: it must be base64 of 32 bytes"
                    + " (a 256-bit AES key), e.g. from 'openssl rand -base64 32'");
        }
        return checkLength(key, setting);
    }

    private static byte[] checkLength(byte[] key, String source) {
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(source + " must be a 256-bit AES key (32 bytes, base64 of 32 bytes in"
                    + " settings and key files), but it has " + key.length + " bytes. Generate one with"
                    + " 'openssl rand -base64 32'");
        }
        return key;
    }

    private static byte[] fromKeyFile(Path file) {
        String text;
        try {
            // ISO-8859-1 reads any bytes; anything that is not base64 is reported by decode().
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the field encryption key file " + file, e);
        }
        warnIfReadableByOthers(file);
        return decode(text, "The field encryption key file " + file);
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (permissions.contains(PosixFilePermission.GROUP_READ)
                        || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                    log.warn("The field encryption key file {} is readable by other users: chmod 600 it", file);
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("Cannot check the permissions of {}", file, e);
        }
    }

    private static byte[] createKeyFile(Path file) {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        try {
            Files.createDirectories(file.getParent());
            boolean posix = Files.getFileStore(file.getParent()).supportsFileAttributeView(PosixFileAttributeView.class);
            try {
                if (posix) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
                } else {
                    Files.createFile(file);
                }
            } catch (FileAlreadyExistsException e) {
                // Another process created it in the meantime: use its key.
                return fromKeyFile(file);
            }
            try {
                if (posix) {
                    Files.setPosixFilePermissions(file, OWNER_READ_WRITE);
                }
                Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the field encryption key file " + file, e);
        }
        log.info("Created a new field encryption key in {} (healthcrm.encryption.create-key-if-missing). Back it up"
                + " apart from the database: without it the encrypted data cannot be read", file);
        return key;
    }

    private static byte[] fromKeystore(HealthCrmProperties.Encryption settings) {
        Path path = settings.getKeystore().toAbsolutePath();
        String alias = settings.getKeyAlias();
        if (settings.getKeystorePassword() == null) {
            throw new IllegalStateException("healthcrm.encryption.keystore is set but healthcrm.encryption"
                    + ".keystore-password is not");
        }
        char[] password = settings.getKeystorePassword().toCharArray();
        KeyStore keystore;
        try (InputStream in = Files.newInputStream(path)) {
            keystore = KeyStore.getInstance("PKCS12");
            keystore.load(in, password);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("The keystore " + path + " (healthcrm.encryption.keystore) does not exist");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open the keystore " + path + " (healthcrm.encryption.keystore):"
                    + " wrong healthcrm.encryption.keystore-password, or not a PKCS12 keystore", e);
        }
        KeyStore.Entry entry;
        try {
            entry = keystore.getEntry(alias, new KeyStore.PasswordProtection(password));
        } catch (UnrecoverableEntryException e) {
            throw new IllegalStateException("Cannot read the entry " + alias + " of the keystore " + path
                    + ": its password differs from healthcrm.encryption.keystore-password", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the entry " + alias + " of the keystore " + path, e);
        }
        if (entry == null) {
            throw new IllegalStateException("The keystore " + path + " has no entry " + alias
                    + " (healthcrm.encryption.key-alias)");
        }
        if (!(entry instanceof KeyStore.SecretKeyEntry)) {
            throw new IllegalStateException("The entry " + alias + " of the keystore " + path + " is not a secret key:"
                    + " create it with 'keytool -genseckey -keyalg AES -keysize 256 -storetype PKCS12'");
        }
        SecretKey key = ((KeyStore.SecretKeyEntry) entry).getSecretKey();
        if (!"AES".equalsIgnoreCase(key.getAlgorithm()) || key.getEncoded() == null) {
            throw new IllegalStateException("The entry " + alias + " of the keystore " + path + " is a "
                    + key.getAlgorithm() + " key, not an AES key");
        }
        return checkLength(key.getEncoded(), "The entry " + alias + " of the keystore " + path);
    }

    private static SecretKey aesKey(byte[] key) {
        return new SecretKeySpec(key, "AES");
    }

    private record Loaded(byte[] key, String source) {
    }
}
