package org.healthcrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.healthcrm.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The application's own MariaDB server is reached through its Unix socket, with the session settings it relies on. */
class EmbeddedDatabaseTest extends IntegrationTest {

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    EmbeddedMariaDb server;

    @Test
    void theApplicationTalksToItsServerThroughTheSocket() {
        assertThat(dataSource.getJdbcUrl()).isEqualTo(server.socketJdbcUrl());

        // no port in it: over TCP the driver would try localhost:3306, where the embedded server does not listen
        assertThat(dataSource.getJdbcUrl()).doesNotContain(":" + server.port()).contains("localSocket=/");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("select @@port", Integer.class)).isEqualTo(server.port());
        assertThat(jdbc.queryForObject("select @@transaction_isolation", String.class)).isEqualTo("READ-COMMITTED");
        assertThat(jdbc.queryForObject("select @@session.time_zone", String.class)).isIn("+00:00", "UTC");
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success = 1", Integer.class))
                .isGreaterThanOrEqualTo(1);
    }
}
