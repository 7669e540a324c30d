package org.healthcrm.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.healthcrm.platform.HealthCrmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The settings bind from the names that docs/operations.md gives, environment variables included. */
class EncryptionSettingsTest {

    @Test
    void defaults() {
        HealthCrmProperties.Encryption settings = new HealthCrmProperties().getEncryption();

        assertThat(settings.getKey()).isNull();
        assertThat(settings.getKeystore()).isNull();
        assertThat(settings.getKeyAlias()).isEqualTo("healthcrm-field-key");
        assertThat(settings.getKeyFile()).isNull();
        assertThat(settings.isCreateKeyIfMissing()).isFalse();
        assertThat(settings.getPreviousKeys()).isEmpty();
        assertThat(FieldKeys.keyFile(settings, Path.of("/var/lib/healthcrm")))
                .isEqualTo(Path.of("/var/lib/healthcrm/keys/field-encryption.key"));
    }

    @Test
    void environmentVariablesBind() {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("HEALTHCRM_ENCRYPTION_KEY", "a2V5",
                        "HEALTHCRM_ENCRYPTION_KEYSTORE", "/etc/healthcrm/keys.p12",
                        "HEALTHCRM_ENCRYPTION_KEYSTORE_PASSWORD", "secret",
                        "HEALTHCRM_ENCRYPTION_PREVIOUS_KEYS", "b2xk,b2xkZXI=",
                        "HEALTHCRM_ENCRYPTION_CREATE_KEY_IF_MISSING", "true")));

        HealthCrmProperties.Encryption settings = new Binder(ConfigurationPropertySources.from(sources))
                .bind("healthcrm", HealthCrmProperties.class).get().getEncryption();

        assertThat(settings.getKey()).isEqualTo("a2V5");
        assertThat(settings.getKeystore()).isEqualTo(Path.of("/etc/healthcrm/keys.p12"));
        assertThat(settings.getKeystorePassword()).isEqualTo("secret");
        assertThat(settings.getPreviousKeys()).containsExactly("b2xk", "b2xkZXI=");
        assertThat(settings.isCreateKeyIfMissing()).isTrue();
    }

    @Test
    void propertiesBind() {
        HealthCrmProperties.Encryption settings = new Binder(new MapConfigurationPropertySource(Map.of(
                "healthcrm.encryption.key-file", "/srv/field.key",
                "healthcrm.encryption.key-alias", "other",
                "healthcrm.encryption.create-key-if-missing", "true",
                "healthcrm.encryption.previous-keys[0]", "b2xk")))
                .bind("healthcrm", HealthCrmProperties.class).get().getEncryption();

        assertThat(settings.getKeyFile()).isEqualTo(Path.of("/srv/field.key"));
        assertThat(settings.getKeyAlias()).isEqualTo("other");
        assertThat(settings.isCreateKeyIfMissing()).isTrue();
        assertThat(settings.getPreviousKeys()).containsExactly("b2xk");
    }
}
