package org.healthcrm.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code healthcrm.*}. Defaults work on a laptop; docs/operations.md lists the production overrides.
 */
@ConfigurationProperties("healthcrm")
public class HealthCrmProperties {

    /** Where the embedded MariaDB keeps its files (and later documents): survives restarts. */
    private Path dataDir = Path.of("data");

    private final EmbeddedDatabase embeddedDatabase = new EmbeddedDatabase();
    private final Login login = new Login();
    private final Engine engine = new Engine();
    private final FirstAdmin firstAdmin = new FirstAdmin();
    private final Encryption encryption = new Encryption();
    private final Audit audit = new Audit();

    public Audit getAudit() {
        return audit;
    }

    public FirstAdmin getFirstAdmin() {
        return firstAdmin;
    }

    /**
     * The first administrator of a new installation, created at start-up only while no active administrator
     * exists. Pass the password through the environment (HEALTHCRM_FIRST_ADMIN_PASSWORD), never in a file.
     */
    public static class FirstAdmin {
        private String username;
        private String password;

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    public Path getDataDir() {
        return dataDir;
    }

    public void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }

    public EmbeddedDatabase getEmbeddedDatabase() {
        return embeddedDatabase;
    }

    public Login getLogin() {
        return login;
    }

    public Engine getEngine() {
        return engine;
    }

    public Encryption getEncryption() {
        return encryption;
    }

    public static class EmbeddedDatabase {
        /** Database (schema) name created in the embedded server. */
        private String name = "healthcrm";
        /** TCP port of the embedded server on 127.0.0.1; 0 picks a free one. */
        private int port = 0;
        /**
         * Options for the embedded server's command line. The InnoDB buffer pool holds the indexes in memory (the
         * audit trail's alone grow by about 30 bytes per event); MariaDB's default of 128 MB is too small for years
         * of audit.
         */
        private List<String> serverOptions = new ArrayList<>(List.of("--innodb-buffer-pool-size=512M"));

        public List<String> getServerOptions() {
            return serverOptions;
        }

        public void setServerOptions(List<String> serverOptions) {
            this.serverOptions = serverOptions;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }
    }

    public static class Login {
        /** Consecutive failed logins for one user name or one client address before it is locked out. */
        private int maxFailures = 5;
        /** How long a lock-out lasts. */
        private Duration lockout = Duration.ofMinutes(15);
        /**
         * How long a successful password check is remembered for the same user name and password, so that API clients
         * sending HTTP Basic with every request do not cost a BCrypt check each; 0 checks every request.
         */
        private Duration passwordCheckCache = Duration.ofSeconds(60);

        public int getMaxFailures() {
            return maxFailures;
        }

        public void setMaxFailures(int maxFailures) {
            this.maxFailures = maxFailures;
        }

        public Duration getLockout() {
            return lockout;
        }

        public void setLockout(Duration lockout) {
            this.lockout = lockout;
        }

        public Duration getPasswordCheckCache() {
            return passwordCheckCache;
        }

        public void setPasswordCheckCache(Duration passwordCheckCache) {
            this.passwordCheckCache = passwordCheckCache;
        }
    }

    public static class Engine {
        /** How long finished process instances stay in the engine history (ISO-8601 period, e.g. P2190D). */
        private String historyTimeToLive = "P2190D";
        /** Daily window in which the engine removes history older than its time to live (HH:mm). */
        private String historyCleanupWindowStart = "01:00";
        private String historyCleanupWindowEnd = "05:00";
        /** Largest number of rows one unpaged engine query may return. */
        private int queryMaxResultsLimit = 2000;

        public String getHistoryTimeToLive() {
            return historyTimeToLive;
        }

        public void setHistoryTimeToLive(String historyTimeToLive) {
            this.historyTimeToLive = historyTimeToLive;
        }

        public String getHistoryCleanupWindowStart() {
            return historyCleanupWindowStart;
        }

        public void setHistoryCleanupWindowStart(String historyCleanupWindowStart) {
            this.historyCleanupWindowStart = historyCleanupWindowStart;
        }

        public String getHistoryCleanupWindowEnd() {
            return historyCleanupWindowEnd;
        }

        public void setHistoryCleanupWindowEnd(String historyCleanupWindowEnd) {
            this.historyCleanupWindowEnd = historyCleanupWindowEnd;
        }

        public int getQueryMaxResultsLimit() {
            return queryMaxResultsLimit;
        }

        public void setQueryMaxResultsLimit(int queryMaxResultsLimit) {
            this.queryMaxResultsLimit = queryMaxResultsLimit;
        }
    }

    /**
     * The key that encrypts patient data at rest (org.healthcrm.platform.crypto). Looked for in this order: {@code key},
     * {@code keystore}, {@code key-file}. Key material never belongs in a file of the repository or in the code.
     */
    public static class Encryption {
        /** Base64 of 32 random bytes (AES-256). Pass it through the environment (HEALTHCRM_ENCRYPTION_KEY). */
        private String key;
        /** A PKCS12 keystore holding the key as an AES secret key entry; used when {@code key} is not set. */
        private Path keystore;
        /** Password of the keystore, which is also the password of its key entry. */
        private String keystorePassword;
        /** Alias of the secret key entry in the keystore. */
        private String keyAlias = "healthcrm-field-key";
        /**
         * A file holding the key as base64 text; used when neither {@code key} nor {@code keystore} is set. Unset
         * means {@code <data-dir>/keys/field-encryption.key}.
         */
        private Path keyFile;
        /**
         * Whether to generate a random key and write it to the key file when no key is configured and the key file
         * does not exist. For demos and tests: in production, set the key and back it up apart from the database.
         */
        private boolean createKeyIfMissing = false;
        /** Earlier keys (base64 of 32 bytes each), used only to decrypt values written before a key rotation. */
        private List<String> previousKeys = new ArrayList<>();

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }

        public Path getKeystore() {
            return keystore;
        }

        public void setKeystore(Path keystore) {
            this.keystore = keystore;
        }

        public String getKeystorePassword() {
            return keystorePassword;
        }

        public void setKeystorePassword(String keystorePassword) {
            this.keystorePassword = keystorePassword;
        }

        public String getKeyAlias() {
            return keyAlias;
        }

        public void setKeyAlias(String keyAlias) {
            this.keyAlias = keyAlias;
        }

        public Path getKeyFile() {
            return keyFile;
        }

        public void setKeyFile(Path keyFile) {
            this.keyFile = keyFile;
        }

        public boolean isCreateKeyIfMissing() {
            return createKeyIfMissing;
        }

        public void setCreateKeyIfMissing(boolean createKeyIfMissing) {
            this.createKeyIfMissing = createKeyIfMissing;
        }

        public List<String> getPreviousKeys() {
            return previousKeys;
        }

        public void setPreviousKeys(List<String> previousKeys) {
            this.previousKeys = previousKeys;
        }
    }

    /** Tamper evidence of the audit trail (org.healthcrm.audit.AuditChain). */
    public static class Audit {
        /** How often new audit events are sealed into the hash chain. */
        private Duration sealInterval = Duration.ofSeconds(1);
        /** A signed checkpoint after this many sealed events ... */
        private int checkpointEvery = 10_000;
        /** ... or after this long, whichever comes first (when anything was sealed). */
        private Duration checkpointInterval = Duration.ofMinutes(5);

        public Duration getSealInterval() {
            return sealInterval;
        }

        public void setSealInterval(Duration sealInterval) {
            this.sealInterval = sealInterval;
        }

        public int getCheckpointEvery() {
            return checkpointEvery;
        }

        public void setCheckpointEvery(int checkpointEvery) {
            this.checkpointEvery = checkpointEvery;
        }

        public Duration getCheckpointInterval() {
            return checkpointInterval;
        }

        public void setCheckpointInterval(Duration checkpointInterval) {
            this.checkpointInterval = checkpointInterval;
        }
    }
}
