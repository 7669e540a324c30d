package org.healthcrm.bench;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.healthcrm.Submissions;

/**
 * What the front desk enters in one benchmark intake, task by task: an adult with a name and phone of their own (so
 * that no intake looks like a duplicate of another and none takes the duplicate-review path), no red flag, every
 * consent including e-mail (so that the confirmation e-mail is sent), insurance, and the review.
 */
final class IntakeSubmissions {

    /** One user task of the intake and the form data submitted on it. */
    record Step(String taskDefinitionKey, ObjectNode data) {
    }

    private final ObjectMapper objectMapper;

    IntakeSubmissions(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** The steps of intake number {@code index}; each index gives another patient. */
    List<Step> of(int index) {
        String given = "Avery";
        String family = "Bench" + letters(index);
        return List.of(
                step("Task_CollectDemographics", Submissions.demographics(given, family, "03/14/1984",
                        Submissions.uniquePhone(), "avery." + family.toLowerCase() + "@example.org")),
                step("Task_CollectHealthHistory", Submissions.healthHistory(false)),
                step("Task_CollectConsents", Submissions.consentsByPatient(given + " " + family, true)),
                step("Task_CollectInsurance", Submissions.insurance()),
                step("Task_ReviewRegistration", Submissions.review()));
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
