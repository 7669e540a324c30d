package org.healthcrm.ehr;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Date;
import java.util.Locale;

import org.healthcrm.consent.Consent;
import org.healthcrm.consent.ConsentType;
import org.healthcrm.documents.Document;
import org.healthcrm.documents.DocumentInfo;
import org.healthcrm.patient.Coverage;
import org.healthcrm.patient.Patient;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Base64BinaryType;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * Our records as FHIR R4 resources: one mapping for what we send to the EHR ({@link EhrGateway}) and what our own
 * FHIR API serves. The callers give the references (the EHR's ids or ours).
 */
public final class FhirResources {

    /** Our consent types, so that a reader of the Consent can tell them apart beyond the standard categories. */
    public static final String CONSENT_TYPE_SYSTEM = "https://healthcrm.org/fhir/CodeSystem/consent-type";
    /** Our document types (INTAKE_PACKET, CONSENT_REVOCATION, ...). */
    public static final String DOCUMENT_TYPE_SYSTEM = "https://healthcrm.org/fhir/CodeSystem/document-type";
    public static final String LANGUAGE_SYSTEM = "urn:ietf:bcp:47";
    /** v2 table 0131, contact role: C is an emergency contact. */
    public static final String CONTACT_ROLE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0131";
    public static final String INTERPRETER_REQUIRED = "http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired";
    static final String IDENTIFIER_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0203";
    static final String CONSENT_SCOPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentscope";
    static final String LOINC = "http://loinc.org";
    static final String CONSENT_POLICY_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentpolicycodes";
    static final String ACT_CODE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    static final String PARTICIPATION_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    static final String CONSENT_ACTION_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentaction";
    static final String SUBSCRIBER_RELATIONSHIP_SYSTEM = "http://terminology.hl7.org/CodeSystem/subscriber-relationship";
    static final String COVERAGE_CLASS_SYSTEM = "http://terminology.hl7.org/CodeSystem/coverage-class";
    static final String COVERAGE_SELF_PAY_SYSTEM = "http://terminology.hl7.org/CodeSystem/coverage-selfpay";

    private FhirResources() {
    }

    /** The medical record number as a FHIR identifier (type MR) in the given system. */
    public static Identifier mrn(String system, String mrn) {
        Identifier identifier = new Identifier().setUse(Identifier.IdentifierUse.USUAL).setSystem(system).setValue(mrn);
        identifier.setType(concept(IDENTIFIER_TYPE_SYSTEM, "MR", "Medical record number"));
        return identifier;
    }

    /** The patient's demographics; no id (the caller sets ours, or the EHR assigns its own). */
    public static org.hl7.fhir.r4.model.Patient patient(Patient patient, String mrnSystem) {
        org.hl7.fhir.r4.model.Patient resource = new org.hl7.fhir.r4.model.Patient();
        resource.addIdentifier(mrn(mrnSystem, patient.getMrn()));
        resource.setActive(true);
        resource.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(patient.getFamilyName())
                .addGiven(patient.getGivenName());
        Enumerations.AdministrativeGender gender = gender(patient.getAdministrativeSex());
        if (gender != null) {
            resource.setGender(gender);
        }
        if (patient.getBirthDate() != null) {
            resource.setBirthDateElement(new DateType(patient.getBirthDate().toString()));
        }
        if (patient.getPhone() != null) {
            resource.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(patient.getPhone())
                    .setUse(ContactPoint.ContactPointUse.HOME);
        }
        if (patient.getEmail() != null) {
            resource.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(patient.getEmail())
                    .setUse(ContactPoint.ContactPointUse.HOME);
        }
        if (patient.getAddressLine1() != null || patient.getCity() != null || patient.getState() != null
                || patient.getPostalCode() != null) {
            var address = resource.addAddress().setUse(org.hl7.fhir.r4.model.Address.AddressUse.HOME);
            if (patient.getAddressLine1() != null) {
                address.addLine(patient.getAddressLine1());
            }
            address.setCity(patient.getCity()).setState(patient.getState()).setPostalCode(patient.getPostalCode());
        }
        if (patient.getPreferredLanguage() != null && !"other".equals(patient.getPreferredLanguage())) {
            resource.addCommunication().setPreferred(true)
                    .setLanguage(concept(LANGUAGE_SYSTEM, patient.getPreferredLanguage(), null));
        }
        if (patient.isInterpreterNeeded()) {
            resource.addExtension(INTERPRETER_REQUIRED, new BooleanType(true));
        }
        if (patient.getEmergencyContactName() != null || patient.getEmergencyContactPhone() != null) {
            var contact = resource.addContact();
            contact.addRelationship(concept(CONTACT_ROLE_SYSTEM, "C", "Emergency Contact"));
            if (patient.getEmergencyContactRelationship() != null) {
                contact.addRelationship(new CodeableConcept().setText(patient.getEmergencyContactRelationship()));
            }
            if (patient.getEmergencyContactName() != null) {
                contact.setName(new HumanName().setText(patient.getEmergencyContactName()));
            }
            if (patient.getEmergencyContactPhone() != null) {
                contact.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE)
                        .setValue(patient.getEmergencyContactPhone());
            }
        }
        return resource;
    }

    /** Our administrative sex values are FHIR's codes (female, male, other, unknown); anything else maps to none. */
    public static Enumerations.AdministrativeGender gender(String administrativeSex) {
        if (administrativeSex == null) {
            return null;
        }
        try {
            return Enumerations.AdministrativeGender.fromCode(administrativeSex);
        } catch (org.hl7.fhir.exceptions.FHIRException e) {
            return null;
        }
    }

    /**
     * A consent as an R4 Consent: scope and categories by type (LOINC where one fits, and our own type code), the
     * patient, when it was given, who signed, the policy it rests on and the permitted period.
     *
     * @param status the consent's status now (revoked and expired consents are inactive)
     * @param source the signed document, or null
     */
    public static org.hl7.fhir.r4.model.Consent consent(Consent consent, Consent.Status status, Reference patient,
                                                       Reference source) {
        org.hl7.fhir.r4.model.Consent resource = new org.hl7.fhir.r4.model.Consent();
        resource.setStatus(status == Consent.Status.ACTIVE ? org.hl7.fhir.r4.model.Consent.ConsentState.ACTIVE
                : org.hl7.fhir.r4.model.Consent.ConsentState.INACTIVE);
        ConsentType type = consent.getType();
        resource.setScope(switch (type) {
            case TREATMENT -> concept(CONSENT_SCOPE_SYSTEM, "treatment", "Treatment");
            default -> concept(CONSENT_SCOPE_SYSTEM, "patient-privacy", "Privacy Consent");
        });
        resource.addCategory(switch (type) {
            case PRIVACY_NOTICE -> concept(LOINC, "57016-8", "Privacy policy acknowledgment Document");
            case RELEASE_OF_INFORMATION -> concept(LOINC, "64292-6", "Release of information consent");
            default -> concept(LOINC, "59284-0", "Patient Consent");
        });
        resource.addCategory(concept(CONSENT_TYPE_SYSTEM, type.name(), type.label()));
        resource.setPatient(patient.copy());
        resource.setDateTime(Date.from(consent.getCreatedAt()));
        if ("self".equals(consent.getSignerRelation())) {
            resource.addPerformer(patient.copy());
        } else if (consent.getSignerName() != null) {
            resource.addPerformer(new Reference().setDisplay(consent.getSignerName()
                    + (consent.getSignerRelation() == null ? "" : " (" + consent.getSignerRelation() + ")")));
        }
        resource.setPolicyRule(switch (type) {
            case PRIVACY_NOTICE -> concept(CONSENT_POLICY_SYSTEM, "hipaa-npp", "HIPAA Notice of Privacy Practices");
            case RELEASE_OF_INFORMATION -> concept(CONSENT_POLICY_SYSTEM, "hipaa-auth", "HIPAA Authorization");
            default -> concept(ACT_CODE_SYSTEM, "OPTIN", "opt-in");
        });
        if (source != null) {
            resource.setSource(source);
        }
        var provision = resource.getProvision().setType(org.hl7.fhir.r4.model.Consent.ConsentProvisionType.PERMIT);
        Period period = new Period().setStart(Date.from(consent.getPeriodStart()));
        Instant end = consent.getRevokedAt() != null ? consent.getRevokedAt() : consent.getPeriodEnd();
        if (end != null) {
            period.setEnd(Date.from(end));
        }
        provision.setPeriod(period);
        if (type == ConsentType.RELEASE_OF_INFORMATION) {
            provision.addAction(concept(CONSENT_ACTION_SYSTEM, "disclose", "Disclose"));
            if (consent.getReleaseTo() != null) {
                provision.addActor().setRole(concept(PARTICIPATION_TYPE_SYSTEM, "IRCP", "information recipient"))
                        .setReference(new Reference().setDisplay(consent.getReleaseTo()));
            }
        }
        return resource;
    }

    /**
     * How the patient pays as an R4 Coverage. Insurance: the payer by name, the member id as subscriberId, the group
     * number as class "group" and the subscriber relationship. Self-pay: type "pay" (coverage-selfpay) with the
     * patient as payor; the payment reference stays with us.
     */
    public static org.hl7.fhir.r4.model.Coverage coverage(Coverage coverage, Reference beneficiary) {
        org.hl7.fhir.r4.model.Coverage resource = new org.hl7.fhir.r4.model.Coverage();
        resource.setStatus(coverage.getStatus() == Coverage.Status.ACTIVE
                ? org.hl7.fhir.r4.model.Coverage.CoverageStatus.ACTIVE
                : org.hl7.fhir.r4.model.Coverage.CoverageStatus.CANCELLED);
        resource.setBeneficiary(beneficiary.copy());
        Period period = new Period().setStartElement(new DateTimeType(coverage.getPeriodStart().toString()));
        LocalDate end = coverage.getPeriodEnd();
        if (end != null) {
            period.setEndElement(new DateTimeType(end.toString()));
        }
        resource.setPeriod(period);
        if (coverage.getType() == Coverage.Type.SELF_PAY) {
            resource.setType(concept(COVERAGE_SELF_PAY_SYSTEM, "pay", "PAY"));
            resource.addPayor(beneficiary.copy());
            resource.setSubscriber(beneficiary.copy());
            resource.setRelationship(concept(SUBSCRIBER_RELATIONSHIP_SYSTEM, "self", "Self"));
            return resource;
        }
        resource.setType(concept(ACT_CODE_SYSTEM, "HIP", "health insurance plan policy"));
        resource.addPayor(new Reference().setDisplay(coverage.getPayer()));
        resource.setSubscriberId(coverage.getMemberId());
        String relation = coverage.getSubscriberRelation() == null ? "self" : coverage.getSubscriberRelation();
        // our form asks who holds the policy; FHIR states what the beneficiary is to the subscriber
        resource.setRelationship(switch (relation) {
            case "self" -> concept(SUBSCRIBER_RELATIONSHIP_SYSTEM, "self", "Self");
            case "spouse" -> concept(SUBSCRIBER_RELATIONSHIP_SYSTEM, "spouse", "Spouse");
            case "parent" -> concept(SUBSCRIBER_RELATIONSHIP_SYSTEM, "child", "Child");
            default -> concept(SUBSCRIBER_RELATIONSHIP_SYSTEM, "other", "Other");
        });
        if ("self".equals(relation)) {
            resource.setSubscriber(beneficiary.copy());
        } else if (coverage.getSubscriberName() != null) {
            resource.setSubscriber(new Reference().setDisplay(coverage.getSubscriberName()));
        }
        if (coverage.getGroupNumber() != null) {
            resource.addClass_().setType(concept(COVERAGE_CLASS_SYSTEM, "group", "Group"))
                    .setValue(coverage.getGroupNumber());
        }
        return resource;
    }

    /** A stored document with its bytes inline (attachment data, size and SHA-1 hash as FHIR defines them). */
    public static DocumentReference documentReference(Document document, Reference subject) {
        return documentReference(document.getType(), document.getTitle(), document.getMediaType(),
                document.getSizeBytes(), document.getCreatedAt(), document.getContent(), null, subject);
    }

    /** A stored document without its bytes: the attachment points to where they can be read. */
    public static DocumentReference documentReference(DocumentInfo document, Reference subject, String contentUrl) {
        return documentReference(document.getType(), document.getTitle(), document.getMediaType(),
                document.getSizeBytes(), document.getCreatedAt(), null, contentUrl, subject);
    }

    private static DocumentReference documentReference(String type, String title, String mediaType, long size,
                                                       Instant createdAt, byte[] content, String contentUrl,
                                                       Reference subject) {
        DocumentReference resource = new DocumentReference();
        resource.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        resource.setDocStatus(DocumentReference.ReferredDocumentStatus.FINAL);
        resource.setType(concept(DOCUMENT_TYPE_SYSTEM, type, typeLabel(type)).setText(title));
        if (subject != null) {
            resource.setSubject(subject.copy());
        }
        resource.setDateElement(new InstantType(Date.from(createdAt)));
        resource.setDescription(title);
        Attachment attachment = new Attachment().setContentType(mediaType).setTitle(title)
                .setCreationElement(new DateTimeType(Date.from(createdAt)));
        attachment.setSize((int) Math.min(Integer.MAX_VALUE, size));
        if (content != null) {
            attachment.setDataElement(base64(content));
            attachment.setHash(sha1(content));
        }
        if (contentUrl != null) {
            attachment.setUrl(contentUrl);
        }
        resource.addContent().setAttachment(attachment);
        return resource;
    }

    static String typeLabel(String type) {
        String words = type.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * Bytes for a {@code base64Binary} element (a document's PDF), encoded with the JDK's Base64 encoder. The model's
     * own type encodes with a codec four to five times slower (80 KB: 400-570 us against 90-120 us), once when the
     * bytes are set and again each time the resource is written.
     */
    public static Base64BinaryType base64(byte[] bytes) {
        return new JdkBase64(bytes);
    }

    private static final class JdkBase64 extends Base64BinaryType {

        private static final long serialVersionUID = 1L;

        JdkBase64(byte[] bytes) {
            super(bytes);
        }

        @Override
        protected String encode(byte[] value) {
            return value == null ? null : Base64.getEncoder().encodeToString(value);
        }
    }

    /** The SHA-1 of the bytes, as FHIR's Attachment.hash wants it (the raw digest; base64 in JSON). */
    public static byte[] sha1(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    /** Lower case, without accents, single spaces: "Zoë  Ångström" and "zoe angstrom" are the same name. */
    public static String normalizedName(String name) {
        if (name == null) {
            return "";
        }
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }

    public static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept().addCoding(new Coding(system, code, display));
    }
}
