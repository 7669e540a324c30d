package org.healthcrm.fhir;

import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IIdType;

/** Our FHIR ids are our internal numeric ids; anything else names no resource. */
final class FhirIds {

    private FhirIds() {
    }

    static long of(IIdType id, String type) {
        String part = id == null ? null : id.getIdPart();
        if (part == null || !part.matches("\\d{1,18}")) {
            throw new ResourceNotFoundException("No " + type + " with this id");
        }
        return Long.parseLong(part);
    }

    /** The patient id of a {@code patient=} / {@code subject=} search parameter, or null if it names no patient of ours. */
    static Long patientOf(ReferenceParam reference) {
        if (reference == null || reference.getIdPart() == null) {
            return null;
        }
        String type = reference.getResourceType();
        if (type != null && !"Patient".equals(type)) {
            return null;
        }
        String part = reference.getIdPart();
        return part.matches("\\d{1,18}") ? Long.parseLong(part) : null;
    }
}
