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

    @Test
    void aWholeIntakeWithItsEhrPushAndEmailLogsNoPatientData(CapturedOutput output) {
        String given = "Qzxvgiven";
        String family = "Qzxvfamily" + System.nanoTime() % 100_000;
        // the EHR is searched by name and birth date, the packet is rendered, the e-mail sent: none of it is logged
        awaitProcessEnd(registerThroughIntake("log-intake-" + System.nanoTime(), given, family, "11/29/1961",
                "qzxv.mail@example.org", true));

        assertThat(output.getAll()).doesNotContain("Qzxv", "1961-11-29", "11/29/1961", "qzxv.mail",
                "12 Harbor Street");
    }
}
