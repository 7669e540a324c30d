package org.healthcrm.forms;

import org.healthcrm.forms.model.FormDisplay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormCatalogTest {

    /** The module root, where the analysts' forms/<feature>/*.json live (surefire runs in the module folder). */
    static final Path MODULE = Path.of("").toAbsolutePath();

    @Test
    void everyDefinitionInTheModuleIsPackagedParsedAndFoundByKey() throws Exception {
        Map<String, Path> files = definitionFiles();
        assertThat(files).as("definitions under %s", MODULE).isNotEmpty();

        FormCatalog catalog = FormCatalog.load();

        assertThat(catalog.forms()).extracting(PackagedForm::key).containsExactlyElementsOf(files.keySet());
        for (Map.Entry<String, Path> file : files.entrySet()) {
            byte[] bytes = Files.readAllBytes(file.getValue());
            PackagedForm form = catalog.get(file.getKey());
            assertThat(form.feature()).isEqualTo(file.getValue().getParent().getFileName().toString());
            assertThat(form.resource()).isEqualTo("forms/" + form.feature() + "/" + form.key() + ".json");
            assertThat(form.sha256()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(bytes)));
            assertThat(form.definition().json()).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
            assertThat(form.definition().key()).isEqualTo(file.getKey());
            assertThat(form.definition().title()).isNotBlank().isNotEqualTo(form.key());
        }
    }

    @Test
    void shipsTheProductForms() {
        FormCatalog catalog = FormCatalog.load();

        assertThat(catalog.forms()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(catalog.feature("intake")).extracting(PackagedForm::key).containsExactly(
                "intake-demographics", "intake-duplicate-review", "intake-health-history", "intake-insurance",
                "intake-registration-review", "intake-supervisor-escalation");
        assertThat(catalog.feature("consent")).extracting(PackagedForm::key).containsExactly(
                "consent-revocation", "intake-consents", "minor-guardian-consent", "release-of-information");
        assertThat(catalog.feature("referral")).extracting(PackagedForm::key).containsExactly(
                "referral-inbound", "referral-outbound", "referral-source");
        assertThat(catalog.feature("triage")).extracting(PackagedForm::key).containsExactly(
                "triage-disposition", "triage-nurse-assessment", "triage-red-flag-screening");
        assertThat(catalog.feature("monitoring")).extracting(PackagedForm::key).containsExactly(
                "monitoring-alert-review", "remote-monitoring-enrollment");
        assertThat(catalog.get("appointment-request").feature()).isEqualTo("scheduling");
        assertThat(catalog.get("outreach-campaign").feature()).isEqualTo("outreach");
        assertThat(catalog.get("secure-message").feature()).isEqualTo("messaging");
        assertThat(catalog.get("patient-demographics-update").feature()).isEqualTo("patient");
        assertThat(catalog.get("triage-nurse-assessment").definition().display()).isEqualTo(FormDisplay.WIZARD);
        assertThat(catalog.get("minor-guardian-consent").definition().display()).isEqualTo(FormDisplay.WIZARD);
        assertThat(catalog.find("intake-demographics")).isPresent();
        assertThat(catalog.find("no-such-form")).isEmpty();
    }

    @Test
    void anUnknownKeyIsAClearError() {
        assertThatThrownBy(() -> FormCatalog.load().get("intake-demographic"))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("no form definition with key 'intake-demographic'");
    }

    @Test
    void loadsFromAJarThroughItsIndex(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("forms.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, FormCatalog.INDEX, "outreach/outreach-survey.json\n");
            put(out, "forms/outreach/outreach-survey.json", "{\"title\": \"Survey\", \"name\": \"outreach-survey\","
                    + " \"components\": [{\"type\": \"textfield\", \"key\": \"answer\", \"input\": true}]}");
        }

        try (URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, null)) {
            PackagedForm form = FormCatalog.load(loader).get("outreach-survey");

            assertThat(form.feature()).isEqualTo("outreach");
            assertThat(form.definition().data().contains("answer")).isTrue();
        }
    }

    @Test
    void withoutAnIndexLoadingFailsWithTheReason() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> FormCatalog.load(empty))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("forms/index.txt is not on the classpath");
        }
    }

    @Test
    void anIndexEntryWithoutItsFileFailsLoading(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("forms"));
        Files.writeString(dir.resolve("forms/index.txt"), "intake/intake-missing.json\n");

        try (URLClassLoader loader = new URLClassLoader(new URL[]{dir.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> FormCatalog.load(loader))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("lists forms/intake/intake-missing.json, which is not on the classpath");
        }
    }

    @Test
    void keysMustBeUniqueAcrossFeatures(@TempDir Path dir) throws IOException {
        String json = "{\"components\": []}";
        Path intake = write(dir, "intake/shared-consent.json", json);
        Path consent = write(dir, "consent/shared-consent.json", json);

        assertThatThrownBy(() -> FormCatalog.of(List.of(intake.toUri().toURL(), consent.toUri().toURL())))
                .isInstanceOf(FormDefinitionException.class)
                .hasMessageContaining("Form key 'shared-consent' is used twice")
                .hasMessageContaining("keys must be unique across features");
    }

    @Test
    void aRefusedDefinitionStopsTheCatalog(@TempDir Path dir) throws IOException {
        Path bad = write(dir, "triage/triage-bad.json",
                "{\"components\": [{\"type\": \"survey\", \"key\": \"q\", \"input\": true}]}");

        assertThatThrownBy(() -> FormCatalog.of(List.of(bad.toUri().toURL())))
                .isInstanceOf(FormDefinitionException.class)
                .hasMessage("Form 'triage-bad': component 'q' has unsupported type 'survey'");
    }

    /** forms/<feature>/*.json at the module root, by key, as the pom packages them. */
    static Map<String, Path> definitionFiles() throws IOException {
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> features = Files.list(MODULE)) {
            for (Path feature : features.filter(Files::isDirectory).toList()) {
                String name = feature.getFileName().toString();
                if (name.equals("src") || name.equals("target") || name.startsWith(".")) {
                    continue;
                }
                try (Stream<Path> jsons = Files.list(feature)) {
                    jsons.filter(p -> p.toString().endsWith(".json")).forEach(p -> {
                        String key = p.getFileName().toString().replaceFirst("\\.json$", "");
                        assertThat(files.put(key, p)).as("duplicate key %s", key).isNull();
                    });
                }
            }
        }
        return files;
    }

    private static Path write(Path dir, String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private static void put(JarOutputStream jar, String name, String content) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        OutputStream out = jar;
        out.write(content.getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
    }
}
