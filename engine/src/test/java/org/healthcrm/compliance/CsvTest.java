package org.healthcrm.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The exports' CSV: RFC 4180 and harmless in a spreadsheet. */
class CsvTest {

    @Test
    void everyFieldIsQuotedQuotesAreDoubledAndRecordsEndWithCrLf() {
        String csv = new String(Csv.of(List.of("Action", "Detail"),
                List.of(List.of("PATIENT_CREATE", "givenName,familyName"), List.of("NOTE", "said \"hello\"\nthen left"),
                        Arrays.asList("EMPTY", null))), StandardCharsets.UTF_8);

        assertThat(csv).isEqualTo("\"Action\",\"Detail\"\r\n"
                + "\"PATIENT_CREATE\",\"givenName,familyName\"\r\n"
                + "\"NOTE\",\"said \"\"hello\"\"\nthen left\"\r\n"
                + "\"EMPTY\",\"\"\r\n");
    }

    @Test
    void aCellASpreadsheetWouldTakeForAFormulaStartsWithAnApostrophe() {
        for (String formula : List.of("=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd")) {
            assertThat(Csv.cell(formula)).isEqualTo("'" + formula);
        }
        assertThat(Csv.cell("frontdesk")).isEqualTo("frontdesk");
        assertThat(Csv.cell("2025-06-01T09:00:00Z")).isEqualTo("2025-06-01T09:00:00Z");
        assertThat(new String(Csv.of(List.of("Request id"), List.of(List.of("-1+1-cmd"))), StandardCharsets.UTF_8))
                .isEqualTo("\"Request id\"\r\n\"'-1+1-cmd\"\r\n");
    }
}
