package org.healthcrm.patient;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.healthcrm.audit.AuditTrail;
import org.healthcrm.platform.InvalidInputException;
import org.healthcrm.platform.NotFoundException;
import org.healthcrm.platform.crypto.SearchHash;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way patients are created, changed and found. Record fields arrive as the values forms and APIs give them
 * ({@code "givenName" -> "Zoë"}, the {@code patient.*} targets of {@code properties.domain} without the prefix);
 * the keyed search hashes follow every change; every change and every search is audited.
 */
@Service
public class PatientRecords {

    /** Prefix of the medical record numbers we assign. */
    public static final String MRN_PREFIX = "HC";
    /** At most this many patients come back from one search. */
    public static final int SEARCH_LIMIT = 50;

    private static final Map<String, BiConsumer<Patient, Object>> FIELDS = fields();

    private final PatientRepository patients;
    private final SearchHash hash;
    private final AuditTrail audit;
    private final Clock clock;

    public PatientRecords(PatientRepository patients, SearchHash hash, AuditTrail audit, Clock clock) {
        this.patients = patients;
        this.hash = hash;
        this.audit = audit;
        this.clock = clock;
    }

    /** The record fields a form or API may set ({@code patient.<field>}). */
    public static java.util.Set<String> fieldNames() {
        return FIELDS.keySet();
    }

    /** A new patient with the next MRN. Given name, family name are required. */
    @Transactional
    public Patient create(Map<String, ?> values) {
        String mrn = MRN_PREFIX + patients.nextMrnNumber();
        return create(mrn, values);
    }

    /** A new patient with an MRN given by the caller (demo data, migrations). */
    @Transactional
    public Patient create(String mrn, Map<String, ?> values) {
        Patient patient = new Patient(mrn, clock.instant());
        apply(patient, values);
        requireNames(patient);
        Patient saved = patients.save(patient);
        audit.change("PATIENT_CREATE", saved.getId(), "Patient", saved.getId().toString(), changedFields(values));
        return saved;
    }

    /** Sets the given fields; fields not given keep their value, a null value clears a field. */
    @Transactional
    public Patient update(long id, Map<String, ?> values) {
        Patient patient = patients.findById(id).orElseThrow(() -> new NotFoundException("No patient with id " + id));
        apply(patient, values);
        requireNames(patient);
        patient.touch(clock.instant());
        audit.change("PATIENT_UPDATE", id, "Patient", Long.toString(id), changedFields(values));
        return patient;
    }

    /** Records the id of the patient's Patient resource in the EHR (the record is not read for it). */
    @Transactional
    public void linkToEhr(long id, String ehrPatientId) {
        if (patients.linkToEhr(id, ehrPatientId) == 0) {
            throw new NotFoundException("No patient with id " + id);
        }
        audit.change("PATIENT_EHR_LINK", id, "Patient", Long.toString(id), "ehrPatientId");
    }

    /** One patient, audited as a read of that patient's record. */
    @Transactional(readOnly = true)
    public Patient read(long id) {
        Patient patient = patients.findById(id).orElseThrow(() -> new NotFoundException("No patient with id " + id));
        audit.read("PATIENT_READ", id, "Patient", Long.toString(id));
        return patient;
    }

    @Transactional(readOnly = true)
    public Optional<Patient> findByMrn(String mrn) {
        return patients.findByMrn(mrn.strip().toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * Patients matching every criterion given (null or blank criteria are ignored): a name is one word (given or
     * family name) or two ("Zoë Ångström", either order), matched whole, ignoring case and accents; a phone number
     * matches on its last ten digits. At most {@link #SEARCH_LIMIT}; each patient listed is audited.
     */
    @Transactional(readOnly = true)
    public List<Patient> search(PatientQuery query) {
        if (query.isEmpty()) {
            throw new InvalidInputException("name", "Enter a name, birth date, MRN or phone to search");
        }
        if (query.phone() != null && !query.phone().isBlank() && hash.phone(query.phone()) == null) {
            throw new InvalidInputException("phone", "A phone number needs digits");
        }
        String[] words = query.name() == null ? new String[0]
                : Arrays.stream(query.name().strip().split("[\\s,]+")).filter(w -> !w.isBlank()).toArray(String[]::new);
        List<Patient> found = new ArrayList<>();
        if (words.length <= 1) {
            found.addAll(run(query, words.length == 0 ? null : hash.name(words[0]), null));
        } else {
            // "Given Family", or a family name of several words ("van Dijk"), or "Family, Given"
            found.addAll(run(query, hash.name(words[0]), hash.name(String.join(" ", Arrays.copyOfRange(words, 1, words.length)))));
            found.addAll(run(query, hash.name(String.join(" ", words)), null));
            found.addAll(run(query, hash.name(String.join(" ", Arrays.copyOfRange(words, 0, words.length - 1))),
                    hash.name(words[words.length - 1])));
        }
        Map<Long, Patient> distinct = new LinkedHashMap<>();
        found.forEach(p -> distinct.putIfAbsent(p.getId(), p));
        List<Patient> result = distinct.values().stream().limit(SEARCH_LIMIT).toList();
        result.forEach(p -> audit.read("PATIENT_SEARCH_RESULT", p.getId(), "Patient", p.getId().toString()));
        return result;
    }

    private List<Patient> run(PatientQuery query, String nameHash, String otherNameHash) {
        return patients.search(blankToNull(query.mrn()) == null ? null : query.mrn().strip().toUpperCase(java.util.Locale.ROOT),
                nameHash, otherNameHash, hash.birthDate(query.birthDate()), hash.phone(query.phone()),
                PageRequest.of(0, SEARCH_LIMIT));
    }

    /** Same given and family name and birth date, or same phone. Not audited: no person sees the result. */
    @Transactional(readOnly = true)
    public List<Patient> likelyDuplicates(String givenName, String familyName, LocalDate birthDate, String phone) {
        return patients.likelyDuplicates(hash.name(givenName), hash.name(familyName), hash.birthDate(birthDate),
                hash.phone(phone));
    }

    /** Internal ids of the patients with this MRN or family name, for filters over other records. */
    @Transactional(readOnly = true)
    public List<Long> idsByMrnOrFamilyName(String text) {
        String trimmed = text.strip();
        return patients.findIdsByMrnOrFamilyName(trimmed.toUpperCase(java.util.Locale.ROOT), hash.name(trimmed));
    }

    private void apply(Patient patient, Map<String, ?> values) {
        values.forEach((field, value) -> {
            BiConsumer<Patient, Object> setter = FIELDS.get(field);
            if (setter == null) {
                throw new IllegalArgumentException("Patient has no record field '" + field + "'; known fields: "
                        + FIELDS.keySet());
            }
            try {
                setter.accept(patient, value instanceof String s ? blankToNull(s.strip()) : value);
            } catch (ClassCastException e) {
                throw new InvalidInputException(field, "Patient field " + field + " cannot take a value of type "
                        + value.getClass().getSimpleName());
            }
        });
        patient.setHashes(hash.name(patient.getGivenName()), hash.name(patient.getFamilyName()),
                hash.birthDate(patient.getBirthDate()), hash.phone(patient.getPhone()));
    }

    private void requireNames(Patient patient) {
        if (patient.getGivenName() == null) {
            throw new InvalidInputException("givenName", "A patient needs a given name");
        }
        if (patient.getFamilyName() == null) {
            throw new InvalidInputException("familyName", "A patient needs a family name");
        }
        if (patient.getBirthDate() != null && patient.getBirthDate().isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("birthDate", "The birth date is in the future");
        }
    }

    private static String changedFields(Map<String, ?> values) {
        return String.join(",", values.keySet());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Map<String, BiConsumer<Patient, Object>> fields() {
        Map<String, BiConsumer<Patient, Object>> f = new LinkedHashMap<>();
        f.put("givenName", (p, v) -> p.setGivenName((String) v));
        f.put("familyName", (p, v) -> p.setFamilyName((String) v));
        f.put("birthDate", (p, v) -> p.setBirthDate((LocalDate) v));
        f.put("administrativeSex", (p, v) -> p.setAdministrativeSex((String) v));
        f.put("genderIdentity", (p, v) -> p.setGenderIdentity((String) v));
        f.put("phone", (p, v) -> p.setPhone((String) v));
        f.put("email", (p, v) -> p.setEmail((String) v));
        f.put("addressLine1", (p, v) -> p.setAddressLine1((String) v));
        f.put("city", (p, v) -> p.setCity((String) v));
        f.put("state", (p, v) -> p.setState((String) v));
        f.put("postalCode", (p, v) -> p.setPostalCode((String) v));
        f.put("preferredLanguage", (p, v) -> p.setPreferredLanguage((String) v));
        f.put("interpreterNeeded", (p, v) -> p.setInterpreterNeeded(Boolean.TRUE.equals(v)));
        f.put("preferredChannel", (p, v) -> p.setPreferredChannel((String) v));
        f.put("emergencyContactName", (p, v) -> p.setEmergencyContactName((String) v));
        f.put("emergencyContactPhone", (p, v) -> p.setEmergencyContactPhone((String) v));
        f.put("emergencyContactRelationship", (p, v) -> p.setEmergencyContactRelationship((String) v));
        f.put("guardianName", (p, v) -> p.setGuardianName((String) v));
        f.put("guardianRelationship", (p, v) -> p.setGuardianRelationship((String) v));
        f.put("guardianPhone", (p, v) -> p.setGuardianPhone((String) v));
        return java.util.Collections.unmodifiableMap(f);
    }
}
