package org.healthcrm.documents;

import org.healthcrm.forms.FormDefinition;
import org.healthcrm.forms.model.Field;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthcrm.documents.RealisticSubmissions.parse;

/** Answers as people read them on paper, for the shapes Form.io stores. */
class AnswerTextTest {

    private static final FormDefinition FORM = FormDefinition.parse("answer-shapes", """
            {"title": "Answer shapes", "display": "form", "components": [
              {"type": "day", "key": "birthDate", "label": "Birth date", "input": true},
              {"type": "day", "key": "europeanDate", "label": "Date", "dayFirst": true, "input": true},
              {"type": "day", "key": "monthYear", "label": "Since", "input": true,
               "fields": {"day": {"hide": true}, "month": {"hide": false}, "year": {"hide": false}}},
              {"type": "datetime", "key": "appointment", "label": "Appointment", "input": true,
               "enableTime": true},
              {"type": "datetime", "key": "dateOnly", "label": "Date only", "input": true, "enableTime": false},
              {"type": "number", "key": "weight", "label": "Weight", "input": true},
              {"type": "currency", "key": "copay", "label": "Copay", "input": true},
              {"type": "select", "key": "languages", "label": "Languages", "input": true, "multiple": true,
               "data": {"values": [{"label": "English", "value": "en"}, {"label": "Spanish", "value": "es"}]}},
              {"type": "textfield", "key": "aliases", "label": "Aliases", "input": true, "multiple": true}
            ]}""");

    private static String answer(String key, String json) {
        Field field = (Field) FORM.components().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
        return AnswerText.of(field, parse("{v: " + json + "}").get("v"));
    }

    @Test
    void daysAreIsoDatesWithWhatWasEntered() {
        assertThat(answer("birthDate", "'04/23/1978'")).isEqualTo("1978-04-23 (entered as 04/23/1978)");
        assertThat(answer("europeanDate", "'23/04/1978'")).isEqualTo("1978-04-23 (entered as 23/04/1978)");
        assertThat(answer("monthYear", "'04/1978'")).isEqualTo("1978-04 (entered as 04/1978)");
        assertThat(answer("birthDate", "'00/00/1978'")).isEqualTo("1978 (entered as 00/00/1978)");
        assertThat(answer("birthDate", "'02/30/1978'")).isEqualTo("02/30/1978");
        assertThat(answer("birthDate", "''")).isEqualTo(AnswerText.NO_ANSWER);
    }

    @Test
    void dateTimesShowTheirOffsetAndDateOnlyFieldsTheDate() {
        assertThat(answer("appointment", "'2025-06-20T09:30:00-04:00'")).isEqualTo("2025-06-20 09:30 UTC-04:00");
        assertThat(answer("appointment", "'2025-06-20T13:30:15Z'")).isEqualTo("2025-06-20 13:30:15 UTC");
        assertThat(answer("dateOnly", "'2025-06-20T00:00:00-04:00'")).isEqualTo("2025-06-20");
        assertThat(answer("appointment", "'next Tuesday'")).isEqualTo("next Tuesday");
    }

    @Test
    void numbersAreWrittenOutAndCurrencyHasCents() {
        assertThat(answer("weight", "72.50")).isEqualTo("72.5");
        assertThat(answer("weight", "1e3")).isEqualTo("1000");
        assertThat(answer("weight", "96")).isEqualTo("96");
        assertThat(answer("copay", "25")).isEqualTo("25");
        assertThat(answer("copay", "25.5")).isEqualTo("25.50");
    }

    @Test
    void listsHaveOneItemPerLineAndChoicesTheirLabels() {
        assertThat(answer("languages", "['es', 'en']")).isEqualTo("Spanish\nEnglish");
        assertThat(answer("aliases", "['Zoë', 'Zoe A.']")).isEqualTo("Zoë\nZoe A.");
        assertThat(answer("aliases", "[]")).isEqualTo(AnswerText.NO_ANSWER);
        assertThat(answer("aliases", "null")).isEqualTo(AnswerText.NO_ANSWER);
    }
}
