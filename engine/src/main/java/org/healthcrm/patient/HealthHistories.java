package org.healthcrm.patient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.healthcrm.audit.AuditTrail;
import org.healthcrm.security.Actor;
import org.healthcrm.security.access.ClinicalAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The health history as entered at intake, for the people whose work needs it ({@link ClinicalAccess}): each read
 * is audited, each refusal too.
 */
@Service
public class HealthHistories {

    /** The latest history in words: one line per allergy, medication and condition. */
    public record Summary(boolean noKnownAllergies, List<String> allergies, List<String> medications,
                          List<String> conditions, String recordedBy, Instant recordedAt) {
    }

    private final HealthHistoryRepository histories;
    private final ClinicalAccess access;
    private final AuditTrail audit;
    private final ObjectMapper json;

    public HealthHistories(HealthHistoryRepository histories, ClinicalAccess access, AuditTrail audit,
                           ObjectMapper json) {
        this.histories = histories;
        this.access = access;
        this.audit = audit;
        this.json = json;
    }

    /** The patient's latest health history, when the user may see it; refused (and audited) otherwise. */
    @Transactional(readOnly = true)
    public Optional<Summary> latest(Actor actor, long patientId) {
        access.require(actor, patientId, "HealthHistory");
        Optional<HealthHistory> latest = histories.findByPatientIdOrderByRecordedAtDesc(patientId).stream().findFirst();
        latest.ifPresent(h -> audit.read("HEALTH_HISTORY_READ", patientId, "HealthHistory", Long.toString(h.getId())));
        return latest.map(this::summary);
    }

    private Summary summary(HealthHistory history) {
        List<String> allergies = new ArrayList<>();
        for (JsonNode allergy : tree(history.getAllergies())) {
            allergies.add(join(allergy.path("substance").asText(""), allergy.path("reaction").asText(""),
                    allergy.path("severity").asText("")));
        }
        List<String> medications = new ArrayList<>();
        for (JsonNode medication : tree(history.getMedications())) {
            medications.add(join(medication.path("name").asText(""), medication.path("dose").asText(""),
                    medication.path("frequency").asText("")));
        }
        List<String> conditions = new ArrayList<>();
        JsonNode recorded = tree(history.getConditions());
        recorded.path("conditions").fields().forEachRemaining(c -> {
            if (c.getValue().asBoolean(false) && !"other".equals(c.getKey())) {
                conditions.add(c.getKey());
            }
        });
        if (recorded.hasNonNull("otherConditions")) {
            conditions.add(recorded.get("otherConditions").asText());
        }
        return new Summary(history.isNoKnownAllergies(), allergies, medications, conditions, history.getRecordedBy(),
                history.getRecordedAt());
    }

    private JsonNode tree(String text) {
        try {
            return text == null ? json.createArrayNode() : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored health history is not JSON", e);
        }
    }

    private static String join(String... parts) {
        return String.join(" · ", java.util.Arrays.stream(parts).filter(p -> !p.isBlank()).toList());
    }
}
