package org.healthcrm.fhir;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.healthcrm.ehr.FhirResources;
import org.healthcrm.patient.Patient;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.StringType;

/**
 * FHIR Patient to and from our patient record. Going in, the record keeps what it has fields for: one name (the
 * official one, else the usual one, else the first), administrative gender, birth date, one phone and one e-mail, one
 * address, the preferred language, whether an interpreter is needed, and one emergency contact. Everything else a
 * valid Patient may carry (narrative, identifiers, other names, extensions, contained resources, links) is accepted
 * and not kept; our MRN is always ours. A modifier extension we do not know is refused, as FHIR requires.
 */
final class PatientMapping {

    /** Longest text we keep in one field (the record encrypts it, so the columns are sized for this). */
    static final int MAX_TEXT = 200;

    /** The record fields a FHIR Patient sets; an update sets each of them (to null when the resource has none). */
    static final List<String> FIELDS = List.of("givenName", "familyName", "birthDate", "administrativeSex", "phone",
            "email", "addressLine1", "city", "state", "postalCode", "preferredLanguage", "interpreterNeeded",
            "emergencyContactName", "emergencyContactPhone", "emergencyContactRelationship");

    private PatientMapping() {
    }

    /** Our patient as a FHIR Patient with our id, version and last change. */
    static org.hl7.fhir.r4.model.Patient toFhir(Patient patient, String mrnSystem) {
        org.hl7.fhir.r4.model.Patient resource = FhirResources.patient(patient, mrnSystem);
        resource.setId("Patient/" + patient.getId());
        resource.getMeta().setVersionId(Long.toString(patient.getVersion()))
                .setLastUpdated(Date.from(patient.getUpdatedAt()));
        return resource;
    }

    /** The record fields of a FHIR Patient; refuses what the record cannot represent. */
    static Map<String, Object> fromFhir(org.hl7.fhir.r4.model.Patient resource) {
        if (resource.hasModifierExtension()) {
            throw new FhirInputProblem(422, "Patient.modifierExtension",
                    "Patient.modifierExtension is not supported: the resource cannot be stored safely without it");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        FIELDS.forEach(field -> values.put(field, null));

        HumanName name = chooseName(resource.getName());
        if (name != null) {
            values.put("familyName", text(name.getFamily(), "Patient.name.family"));
            String given = name.getGiven().stream().map(StringType::getValue).filter(g -> g != null && !g.isBlank())
                    .map(String::strip).collect(Collectors.joining(" "));
            values.put("givenName", text(given, "Patient.name.given"));
        }
        if (resource.hasGender()) {
            values.put("administrativeSex", resource.getGender().toCode());
        }
        if (resource.hasBirthDateElement() && resource.getBirthDateElement().hasValue()) {
            if (resource.getBirthDateElement().getPrecision() != TemporalPrecisionEnum.DAY) {
                throw new FhirInputProblem(422, "Patient.birthDate",
                        "Patient.birthDate needs a year, month and day");
            }
            values.put("birthDate", LocalDate.parse(resource.getBirthDateElement().getValueAsString()));
        }
        telecom(resource.getTelecom(), ContactPoint.ContactPointSystem.PHONE)
                .ifPresent(phone -> values.put("phone", text(phone, "Patient.telecom")));
        telecom(resource.getTelecom(), ContactPoint.ContactPointSystem.EMAIL)
                .ifPresent(email -> values.put("email", text(email, "Patient.telecom")));
        chooseAddress(resource.getAddress()).ifPresent(address -> {
            String lines = address.getLine().stream().map(StringType::getValue).filter(l -> l != null && !l.isBlank())
                    .map(String::strip).collect(Collectors.joining(", "));
            values.put("addressLine1", text(lines, "Patient.address.line"));
            values.put("city", text(address.getCity(), "Patient.address.city"));
            values.put("state", text(address.getState(), "Patient.address.state"));
            values.put("postalCode", text(address.getPostalCode(), "Patient.address.postalCode"));
        });
        resource.getCommunication().stream()
                .sorted(Comparator.comparing(c -> !c.getPreferred()))
                .map(c -> language(c.getLanguage()))
                .filter(language -> language != null)
                .findFirst()
                .ifPresent(language -> values.put("preferredLanguage", language));
        Extension interpreter = resource.getExtensionByUrl(FhirResources.INTERPRETER_REQUIRED);
        values.put("interpreterNeeded", interpreter != null && interpreter.getValue() instanceof BooleanType b
                && b.booleanValue());
        emergencyContact(resource).ifPresent(contact -> {
            if (contact.hasName()) {
                values.put("emergencyContactName", text(nameText(contact.getName()), "Patient.contact.name"));
            }
            telecom(contact.getTelecom(), ContactPoint.ContactPointSystem.PHONE)
                    .ifPresent(phone -> values.put("emergencyContactPhone", text(phone, "Patient.contact.telecom")));
            values.put("emergencyContactRelationship", text(relationship(contact.getRelationship()),
                    "Patient.contact.relationship"));
        });
        return values;
    }

    /** FHIR paths of our record fields, for the expression of an OperationOutcome issue. */
    static String expressionOf(String field) {
        return switch (field) {
            case "givenName" -> "Patient.name.given";
            case "familyName" -> "Patient.name.family";
            case "birthDate" -> "Patient.birthDate";
            case "administrativeSex" -> "Patient.gender";
            case "phone", "email" -> "Patient.telecom";
            case "addressLine1" -> "Patient.address.line";
            case "city" -> "Patient.address.city";
            case "state" -> "Patient.address.state";
            case "postalCode" -> "Patient.address.postalCode";
            case "preferredLanguage" -> "Patient.communication.language";
            case "emergencyContactName" -> "Patient.contact.name";
            case "emergencyContactPhone" -> "Patient.contact.telecom";
            case "emergencyContactRelationship" -> "Patient.contact.relationship";
            default -> "Patient";
        };
    }

    private static HumanName chooseName(List<HumanName> names) {
        List<HumanName> current = names.stream().filter(n -> n.getUse() != HumanName.NameUse.OLD
                && n.getUse() != HumanName.NameUse.MAIDEN && !ended(n.getPeriod())).toList();
        for (HumanName.NameUse use : List.of(HumanName.NameUse.OFFICIAL, HumanName.NameUse.USUAL)) {
            Optional<HumanName> found = current.stream().filter(n -> n.getUse() == use && n.hasFamily()).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
        }
        return current.stream().filter(HumanName::hasFamily).findFirst()
                .orElse(current.isEmpty() ? (names.isEmpty() ? null : names.get(0)) : current.get(0));
    }

    private static Optional<String> telecom(List<ContactPoint> telecoms, ContactPoint.ContactPointSystem system) {
        List<ContactPoint> current = telecoms.stream()
                .filter(t -> t.getSystem() == system && t.hasValue() && !t.getValue().isBlank())
                .filter(t -> t.getUse() != ContactPoint.ContactPointUse.OLD && !ended(t.getPeriod()))
                .sorted(Comparator.comparingInt(t -> t.hasRank() ? t.getRank() : Integer.MAX_VALUE))
                .toList();
        for (ContactPoint.ContactPointUse use : List.of(ContactPoint.ContactPointUse.HOME,
                ContactPoint.ContactPointUse.MOBILE)) {
            Optional<ContactPoint> found = current.stream().filter(t -> t.getUse() == use).findFirst();
            if (found.isPresent()) {
                return Optional.of(found.get().getValue().strip());
            }
        }
        return current.stream().findFirst().map(t -> t.getValue().strip());
    }

    private static Optional<Address> chooseAddress(List<Address> addresses) {
        List<Address> current = addresses.stream()
                .filter(a -> a.getUse() != Address.AddressUse.OLD && !ended(a.getPeriod())).toList();
        return current.stream().filter(a -> a.getUse() == Address.AddressUse.HOME).findFirst()
                .or(() -> current.stream().findFirst());
    }

    private static boolean ended(Period period) {
        return period != null && period.hasEnd() && period.getEnd().before(new Date());
    }

    /** The primary language subtag of a BCP 47 code ("nl-NL" is "nl"), as the forms keep it. */
    private static String language(CodeableConcept language) {
        for (Coding coding : language.getCoding()) {
            if (coding.hasCode() && (!coding.hasSystem() || FhirResources.LANGUAGE_SYSTEM.equals(coding.getSystem()))) {
                String primary = coding.getCode().strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
                if (primary.matches("[a-z]{2,3}")) {
                    return primary;
                }
            }
        }
        return null;
    }

    private static Optional<org.hl7.fhir.r4.model.Patient.ContactComponent> emergencyContact(
            org.hl7.fhir.r4.model.Patient resource) {
        List<org.hl7.fhir.r4.model.Patient.ContactComponent> contacts = resource.getContact().stream()
                .filter(c -> !ended(c.getPeriod())).toList();
        return contacts.stream().filter(c -> c.getRelationship().stream().anyMatch(PatientMapping::isEmergencyRole))
                .findFirst().or(() -> contacts.stream().findFirst());
    }

    private static boolean isEmergencyRole(CodeableConcept concept) {
        return concept.getCoding().stream().anyMatch(c -> FhirResources.CONTACT_ROLE_SYSTEM.equals(c.getSystem())
                && "C".equals(c.getCode()));
    }

    /** The relationship as words: a text, else a display, else the v2-0131 code's meaning; not "emergency contact". */
    private static String relationship(List<CodeableConcept> relationships) {
        for (CodeableConcept concept : relationships) {
            if (isEmergencyRole(concept) && !concept.hasText()) {
                continue;
            }
            if (concept.hasText()) {
                return concept.getText();
            }
            for (Coding coding : concept.getCoding()) {
                if (coding.hasDisplay()) {
                    return coding.getDisplay();
                }
                if (FhirResources.CONTACT_ROLE_SYSTEM.equals(coding.getSystem()) && coding.hasCode()) {
                    String meaning = switch (coding.getCode()) {
                        case "E" -> "Employer";
                        case "F" -> "Federal Agency";
                        case "I" -> "Insurance Company";
                        case "N" -> "Next-of-Kin";
                        case "S" -> "State Agency";
                        default -> null;
                    };
                    if (meaning != null) {
                        return meaning;
                    }
                }
            }
        }
        return null;
    }

    private static String nameText(HumanName name) {
        if (name.hasText()) {
            return name.getText();
        }
        String given = name.getGiven().stream().map(StringType::getValue).filter(g -> g != null && !g.isBlank())
                .collect(Collectors.joining(" "));
        return (given + " " + (name.hasFamily() ? name.getFamily() : "")).strip();
    }

    private static String text(String value, String expression) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_TEXT) {
            throw new FhirInputProblem(422, expression, expression + " is longer than " + MAX_TEXT + " characters");
        }
        return stripped;
    }
}
