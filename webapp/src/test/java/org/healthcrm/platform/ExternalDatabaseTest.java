package org.healthcrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.RepositoryService;
import org.healthcrm.HealthCrmApplication;
import org.healthcrm.TestFiles;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With {@code spring.datasource.url} set the application uses that MariaDB and starts none of its own. The
 * "external" server here is a separate MariaDB process started by the test.
 */
class ExternalDatabaseTest {

    @Test
    void externalMariaDbIsUsedAndNoEmbeddedServerStarts() {
        Path serverDir = Path.of("target/external-db");
        Path appDataDir = Path.of("target/external-app-data");
        TestFiles.deleteRecursively(serverDir);
        TestFiles.deleteRecursively(appDataDir);
        try (EmbeddedMariaDb external = EmbeddedMariaDb.start(serverDir, "clinic_crm", 0);
             ConfigurableApplicationContext app = new SpringApplicationBuilder(HealthCrmApplication.class)
                     .web(WebApplicationType.NONE)
                     .run("--spring.datasource.url=" + external.jdbcUrl(),
                             "--spring.datasource.username=root", "--spring.datasource.password=",
                             "--healthcrm.data-dir=" + appDataDir,
                             "--healthcrm.encryption.create-key-if-missing=true",
                             "--logging.level.root=WARN", "--spring.jmx.enabled=false")) {

            assertThat(app.getBeansOfType(EmbeddedMariaDb.class)).isEmpty();
            assertThat(appDataDir.resolve("mariadb")).doesNotExist();
            assertThat(app.getBean(HikariDataSource.class).getJdbcUrl()).isEqualTo(external.jdbcUrl());

            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(HikariDataSource.class));
            assertThat(jdbc.queryForObject("select database()", String.class)).isEqualTo("clinic_crm");
            assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success = 1", Integer.class))
                    .isGreaterThanOrEqualTo(1);
            assertThat(jdbc.queryForObject("select @@transaction_isolation", String.class)).isEqualTo("READ-COMMITTED");
            // times are UTC in each session, whatever the server's or the JVM's zone
            assertThat(jdbc.queryForObject("select @@session.time_zone", String.class)).isIn("+00:00", "UTC");
            assertThat(app.getBean(RepositoryService.class).createProcessDefinitionQuery()
                    .processDefinitionKey("patient-intake").count()).isEqualTo(1);
        }
    }
}
