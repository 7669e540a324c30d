package org.healthcrm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariDataSource;
import org.healthcrm.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The grants docs/compliance.md gives the application's database user: it adds to the audit trail and reads it, and
 * the database itself refuses to change or delete an event.
 */
class AuditGrantTest extends IntegrationTest {

    @Autowired
    JdbcTemplate owner;
    @Autowired
    HikariDataSource dataSource;

    @Test
    void theApplicationUserMayAddAuditEventsButNotChangeOrDeleteThem() throws SQLException {
        String user = "audit_app_" + System.nanoTime() % 100_000;
        String schema = owner.queryForObject("select database()", String.class);
        owner.execute("create user '" + user + "'@'%' identified by 'Grant-Test-1'");
        try {
            for (String table : new String[] {"audit_event", "audit_chain", "audit_checkpoint"}) {
                owner.execute("grant select, insert on " + schema + "." + table + " to '" + user + "'@'%'");
            }
            owner.execute("grant select, update on " + schema + ".audit_chain_lock to '" + user + "'@'%'");

            try (Connection app = DriverManager.getConnection(dataSource.getJdbcUrl(), user, "Grant-Test-1");
                 Statement sql = app.createStatement()) {
                assertThat(sql.executeUpdate("insert into audit_event (occurred_at, username, action, outcome) "
                        + "values (current_timestamp(6), 'grant-test', 'GRANT_TEST', 'SUCCESS')")).isEqualTo(1);
                assertThatThrownBy(() -> sql.executeUpdate("update audit_event set username = 'x' "
                        + "where action = 'GRANT_TEST'")).isInstanceOf(SQLException.class)
                        .hasMessageContaining("UPDATE command denied");
                assertThatThrownBy(() -> sql.executeUpdate("delete from audit_event where action = 'GRANT_TEST'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("DELETE command denied");
                assertThatThrownBy(() -> sql.executeUpdate("delete from audit_chain"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("DELETE command denied");
                // the sealers' lock works with these grants
                assertThat(sql.executeQuery("select id from audit_chain_lock where id = 1 for update").next()).isTrue();
            }
        } finally {
            owner.execute("drop user '" + user + "'@'%'");
        }
    }
}
