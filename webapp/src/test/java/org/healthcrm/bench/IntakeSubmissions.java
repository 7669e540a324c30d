package org.healthcrm.bench;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.healthcrm.Submissions;

/**
 * What the front desk enters in one benchmark intake, task by task: an adult with a name and phone of their own (so
 * that no intake looks like a duplicate of another and none takes the duplicate-review path) and a birth date between
 * 1940 and 2002, no red flag, every consent including e-mail (so that the confirmation e-mail is sent), insurance,
 * and the review.
 */
final class IntakeSubmissions {

    /** One user task of the intake and the form data submitted on it. */
    record Step(String taskDefinitionKey, ObjectNode data) {
    }

    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1940, 1, 1);
    private static final int BIRTH_DATES = 23_000;

    private final ObjectMapper objectMapper;

    IntakeSubmissions(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** The steps of intake number {@code index}; each index gives another patient. */
    List<Step> of(int index) {
        String given = "Avery";
        String family = "Bench" + letters(index);
        return List.of(
                step("Task_CollectDemographics", Submissions.demographics(given, family,
                        BIRTH_DATE.format(birthDate(index)), Submissions.uniquePhone(),
                        "avery." + family.toLowerCase() + "@example.org")),
                step("Task_CollectHealthHistory", Submissions.healthHistory(false)),
                step("Task_CollectConsents", Submissions.consentsByPatient(given + " " + family, true)),
                step("Task_CollectInsurance", Submissions.insurance()),
                step("Task_ReviewRegistration", Submissions.review()));
    }

    /** The patient's birth date: spread over 63 years, as a clinic's patients are. */
    static LocalDate birthDate(int index) {
        return EARLIEST_BIRTH_DATE.plusDays((index * 7_919L) % BIRTH_DATES);
    }

    private Step step(String taskDefinitionKey, String submission) {
        try {
            return new Step(taskDefinitionKey, (ObjectNode) objectMapper.readTree(submission).get("data"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Test submission is not JSON", e);
        }
    }

    /**
     * 0 → "Aaaaa", 1 → "Aaaab", ...: letters only, as people's names are, and all of one length, so that no name is
     * the beginning of another (the EHR's name search matches the beginning of a name).
     */
    private static String letters(int index) {
        char[] text = new char[5];
        int n = index;
        for (int i = text.length - 1; i >= 0; i--) {
            text[i] = (char) ('a' + n % 26);
            n /= 26;
        }
        text[0] = Character.toUpperCase(text[0]);
        return new String(text);
    }
}
