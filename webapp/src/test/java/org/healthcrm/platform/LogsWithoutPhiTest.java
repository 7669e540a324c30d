package org.healthcrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.healthcrm.IntegrationTest;
import org.healthcrm.Submissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Patient data never reaches the log: neither valid nor refused submissions, nor errors, write a submitted value.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogsWithoutPhiTest extends IntegrationTest {

    @Test
    void submittedValuesDoNotAppearInTheLog(CapturedOutput output) {
        String marker = "Qzxvmarker";
        String refusedTask = startIntakeAndGetFirstTask("log-refused-" + System.nanoTime());
        String body = Submissions.demographics(marker + "given", "<script>" + marker + "</script>");
        assertThat(post("frontdesk", "/api/tasks/" + refusedTask + "/submission", body).status()).isEqualTo(422);
        assertThat(post("frontdesk", "/api/tasks/" + refusedTask + "/submission", "{\"data\": {\"" + marker + "\": 1")
                .status()).isEqualTo(400);

        String acceptedTask = startIntakeAndGetFirstTask("log-accepted-" + System.nanoTime());
        assertThat(post("frontdesk", "/api/tasks/" + acceptedTask + "/submission",
                Submissions.demographics(marker + "given", marker + "family")).status()).isEqualTo(200);

        assertThat(output.getAll()).doesNotContain(marker);
        assertThat(output.getAll()).doesNotContain("12 Harbor Street").doesNotContain("(555) 201-3344");
    }
}
