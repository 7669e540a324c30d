package org.healthcrm.forms.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.healthcrm.forms.FormCatalog;
import org.healthcrm.forms.FormDefinition;
import org.healthcrm.forms.PackagedForm;
import org.healthcrm.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every version of every form, in the database. At start-up each packaged form (forms/&lt;feature&gt;/&lt;key&gt;.json)
 * whose content changed becomes a new version; the studio publishes versions the same way. Versions never change,
 * so a task pinned to a version always shows and validates against the same form.
 */
@Service
public class FormRegistry implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FormRegistry.class);

    private final FormVersionRepository versions;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Map<String, RegisteredForm> cache = new ConcurrentHashMap<>();
    private final Map<String, Integer> latest = new ConcurrentHashMap<>();

    public FormRegistry(FormVersionRepository versions, Clock clock, PlatformTransactionManager transactionManager) {
        this.versions = versions;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Registers the packaged forms once the application is wired, before it serves requests. */
    @Override
    public void afterSingletonsInstantiated() {
        int added = 0;
        for (PackagedForm form : FormCatalog.load().forms()) {
            if (register(form.key(), form.feature(), form.definition().json(), FormVersion.Source.PACKAGED).isPresent()) {
                added++;
            }
        }
        log.info("Form registry: {} new form versions", added);
    }

    /**
     * Stores the definition as the next version of the form unless it equals the latest one. The definition is
     * parsed first: a definition the server cannot validate is refused and nothing is stored.
     *
     * @return the new version, or empty when the content is unchanged
     */
    public Optional<RegisteredForm> register(String key, String feature, String json, FormVersion.Source source) {
        FormDefinition parsed = FormDefinition.parse(key, json);
        String sha256 = sha256(json);
        return transaction.execute(status -> {
            Optional<FormVersion> current = versions.findTopByFormKeyOrderByVersionDesc(key);
            if (current.isPresent() && current.get().getSha256().equals(sha256)) {
                return Optional.<RegisteredForm>empty();
            }
            int next = current.map(v -> v.getVersion() + 1).orElse(1);
            FormVersion saved = versions.save(new FormVersion(key, next, feature, sha256, json, source, clock.instant()));
            latest.put(key, next);
            RegisteredForm registered = new RegisteredForm(key, next, parsed);
            cache.put(cacheKey(key, next), registered);
            return Optional.of(registered);
        });
    }

    /** The latest version of the form. */
    public RegisteredForm latest(String key) {
        Integer version = latest.computeIfAbsent(key, k -> versions.findTopByFormKeyOrderByVersionDesc(k)
                .map(FormVersion::getVersion)
                .orElseThrow(() -> new NotFoundException("No form with key " + k)));
        return version(key, version);
    }

    /** One version of the form: immutable, so cached for good. */
    public RegisteredForm version(String key, int version) {
        return cache.computeIfAbsent(cacheKey(key, version), k -> versions.findByFormKeyAndVersion(key, version)
                .map(v -> new RegisteredForm(key, version, FormDefinition.parse(key, v.getDefinition())))
                .orElseThrow(() -> new NotFoundException("No version " + version + " of form " + key)));
    }

    private static String cacheKey(String key, int version) {
        return key + "@" + version;
    }

    static String sha256(String json) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A form version ready to use: key, version number and its parsed definition. */
    public record RegisteredForm(String key, int version, FormDefinition definition) {
    }
}
