package org.healthcrm.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.healthcrm.IntegrationTest;
import org.healthcrm.Submissions;
import org.healthcrm.forms.registry.FormRegistry;
import org.healthcrm.forms.registry.FormVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Editing a form creates a new version; a task keeps the version it was created with. */
class FormVersionPinningTest extends IntegrationTest {

    private static final String KEY = "intake-demographics";

    @Autowired
    FormRegistry registry;

    @Test
    void openTaskKeepsItsFormVersionWhenTheFormIsEdited() throws IOException {
        String original = packagedJson();
        String oldTask = startIntakeAndGetFirstTask("pin-old-" + System.nanoTime());
        int pinned = get("frontdesk", "/api/tasks/" + oldTask).json().get("formVersion").asInt();
        assertThat(pinned).isEqualTo(registry.latest(KEY).version());

        // an analyst adds a required field
        ObjectNode edited = (ObjectNode) objectMapper.readTree(original);
        ((ArrayNode) edited.get("components")).insert(0, objectMapper.readTree("""
                {"type": "textfield", "key": "preferredPharmacy", "label": "Preferred pharmacy", "input": true,
                 "validate": {"required": true, "maxLength": 100}}"""));
        int newVersion = registry.register(KEY, "intake", edited.toString(), FormVersion.Source.STUDIO)
                .orElseThrow().version();
        try {
            assertThat(newVersion).isGreaterThan(pinned);

            // the open task still shows and validates against its own version
            assertThat(get("frontdesk", "/api/tasks/" + oldTask).json().get("form").toString())
                    .doesNotContain("preferredPharmacy");
            // a new task gets the new version, and the new rule applies to it only
            String newTask = startIntakeAndGetFirstTask("pin-new-" + System.nanoTime());
            assertThat(get("frontdesk", "/api/tasks/" + newTask).json().get("formVersion").asInt()).isEqualTo(newVersion);
            Response refused = post("frontdesk", "/api/tasks/" + newTask + "/submission",
                    Submissions.demographics("Henry", "Walker"));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body()).contains("preferredPharmacy");

            assertThat(post("frontdesk", "/api/tasks/" + oldTask + "/submission",
                    Submissions.demographics("Henry", "Walker")).status()).isEqualTo(200);
        } finally {
            // the packaged content becomes the latest version again, for the other tests
            registry.register(KEY, "intake", original, FormVersion.Source.STUDIO);
        }
        assertThat(registry.register(KEY, "intake", original, FormVersion.Source.STUDIO)).isEmpty();
    }

    private static String packagedJson() throws IOException {
        try (InputStream in = FormVersionPinningTest.class.getClassLoader()
                .getResourceAsStream("forms/intake/" + KEY + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
