package org.healthcrm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.healthcrm.TestFiles;
import org.healthcrm.platform.EmbeddedMariaDb;
import org.junit.jupiter.api.Test;

/**
 * The grants docs/compliance.md gives the application's database user, on a MariaDB that checks privileges (the
 * embedded one of the other tests does not): the user adds to the audit trail and reads it, and the database itself
 * refuses to change or delete an event or a link.
 */
class AuditGrantTest {

    @Test
    void theApplicationUserMayAddAuditEventsButNotChangeOrDeleteThem() throws SQLException {
        Path dir = Path.of("target/grant-db");
        TestFiles.deleteRecursively(dir);
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(dir, "healthcrm", 0, true)) {
            // the schema's owner runs the migrations (spring.flyway.user), as docs/compliance.md advises
            server.runAsAdministrator("create user 'healthcrm_owner'@'localhost' identified by 'Owner-Test-1'; "
                    + "grant all on healthcrm.* to 'healthcrm_owner'@'localhost'");
            Flyway.configure().dataSource(server.jdbcUrl(), "healthcrm_owner", "Owner-Test-1")
                    .locations("classpath:db/migration").load().migrate();
            try (Connection owner = DriverManager.getConnection(server.jdbcUrl(), "healthcrm_owner", "Owner-Test-1");
                 Statement sql = owner.createStatement()) {
                assertThat(sql.executeQuery("select count(*) from audit_event").next()).isTrue();
            }
            server.runAsAdministrator("create user 'healthcrm_app'@'localhost' identified by 'Grant-Test-1'; "
                    + "grant select, insert on healthcrm.audit_event to 'healthcrm_app'@'localhost'; "
                    + "grant select, insert on healthcrm.audit_chain to 'healthcrm_app'@'localhost'; "
                    + "grant select, insert on healthcrm.audit_checkpoint to 'healthcrm_app'@'localhost'; "
                    + "grant select, update on healthcrm.audit_chain_lock to 'healthcrm_app'@'localhost'");

            try (Connection app = DriverManager.getConnection(server.jdbcUrl(), "healthcrm_app", "Grant-Test-1");
                 Statement sql = app.createStatement()) {
                assertThat(sql.executeUpdate("insert into audit_event (occurred_at, username, action, outcome) "
                        + "values (current_timestamp(6), 'frontdesk', 'PATIENT_READ', 'SUCCESS')")).isEqualTo(1);
                assertThat(sql.executeUpdate("insert into audit_chain (seq, event_id, prev_hash, hash, sealed_at) "
                        + "values (1, 1, repeat('0', 64), repeat('1', 64), current_timestamp(6))")).isEqualTo(1);
                assertThat(sql.executeQuery("select id from audit_chain_lock where id = 1 for update").next()).isTrue();

                assertThatThrownBy(() -> sql.executeUpdate("update audit_event set username = 'someone-else'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("UPDATE command denied");
                assertThatThrownBy(() -> sql.executeUpdate("delete from audit_event"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("DELETE command denied");
                assertThatThrownBy(() -> sql.executeUpdate("update audit_chain set hash = repeat('2', 64)"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("UPDATE command denied");
                assertThatThrownBy(() -> sql.executeUpdate("delete from audit_checkpoint"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("DELETE command denied");
            }
        }
    }
}
