package org.healthcrm.ehr;

import java.util.List;

import org.springframework.stereotype.Service;

/** PLACEHOLDER until the FHIR client lands: every push fails, so the job retries and ends in an incident. */
@Service
public class EhrGateway {

    public void pushRegistration(long patientId, long packetDocumentId) {
        throw new IllegalStateException("EHR integration not available yet");
    }

    public void pushRevocation(long patientId, List<Long> consentIds, long revocationDocumentId) {
        throw new IllegalStateException("EHR integration not available yet");
    }

}
