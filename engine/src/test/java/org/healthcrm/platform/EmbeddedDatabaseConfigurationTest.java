package org.healthcrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Which way the application's pool reaches the embedded server. */
class EmbeddedDatabaseConfigurationTest {

    @Test
    void aSocketThatCannotBeReachedLeavesTheApplicationOnTcp() {
        Path missing = Path.of(System.getProperty("java.io.tmpdir"), "no-such-dir", "mariadb.sock");
        String socketUrl = "jdbc:mariadb://localhost/healthcrm?localSocket=" + missing + "&connectTimeout=2000";
        String tcpUrl = "jdbc:mariadb://127.0.0.1:3306/healthcrm";

        assertThat(EmbeddedDatabaseConfiguration.connectionUrl(socketUrl, tcpUrl)).isEqualTo(tcpUrl);
    }
}
