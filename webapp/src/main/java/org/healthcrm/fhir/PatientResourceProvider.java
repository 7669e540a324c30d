package org.healthcrm.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.healthcrm.ehr.EhrSettings;
import org.healthcrm.ehr.FhirResources;
import org.healthcrm.patient.PatientQuery;
import org.healthcrm.patient.PatientRecords;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

/**
 * Patient: read, search, create and update, all through {@link PatientRecords} (which audits every read, search
 * result and change). The id is our internal patient id; the MRN is the identifier in the MRN system
 * ({@code healthcrm.ehr.mrn-system}).
 */
@Component
public class PatientResourceProvider implements IResourceProvider {

    private final PatientRecords records;
    private final EhrSettings settings;

    public PatientResourceProvider(PatientRecords records, EhrSettings settings) {
        this.records = records;
        this.settings = settings;
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Read
    public Patient read(@IdParam IdType id) {
        return PatientMapping.toFhir(records.read(FhirIds.of(id, "Patient")), settings.getMrnSystem());
    }

    /**
     * Whole words, ignoring case and accents (as the front desk's search): {@code name} is one or two words of the
     * given and family name, {@code family} and {@code given} must each equal the patient's; {@code birthdate} is one
     * day; {@code identifier} is an MRN (with or without our MRN system); {@code phone} matches its last ten digits.
     */
    @Search
    public List<Patient> search(@OptionalParam(name = Patient.SP_NAME) StringParam name,
                                @OptionalParam(name = Patient.SP_FAMILY) StringParam family,
                                @OptionalParam(name = Patient.SP_GIVEN) StringParam given,
                                @OptionalParam(name = Patient.SP_BIRTHDATE) DateParam birthDate,
                                @OptionalParam(name = Patient.SP_IDENTIFIER) TokenParam identifier,
                                @OptionalParam(name = Patient.SP_PHONE) TokenParam phone) {
        String nameWords = value(name);
        String familyName = value(family);
        String givenName = value(given);
        if (nameWords == null && (familyName != null || givenName != null)) {
            nameWords = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).strip();
        }
        String mrn = null;
        if (identifier != null && identifier.getValue() != null && !identifier.getValue().isBlank()) {
            if (identifier.getSystem() != null && !identifier.getSystem().isBlank()
                    && !identifier.getSystem().equals(settings.getMrnSystem())) {
                return List.of();
            }
            mrn = identifier.getValue();
        }
        String phoneNumber = phone == null ? null : phone.getValue();
        LocalDate day = day(birthDate);
        PatientQuery query = new PatientQuery(nameWords, day, mrn, phoneNumber);
        if (query.isEmpty()) {
            throw new InvalidRequestException(
                    "Search patients by name, family, given, birthdate, identifier or phone");
        }
        List<Patient> found = new ArrayList<>();
        for (org.healthcrm.patient.Patient patient : records.search(query)) {
            if (familyName != null && !sameWords(patient.getFamilyName(), familyName)) {
                continue;
            }
            if (givenName != null && !sameWords(patient.getGivenName(), givenName)) {
                continue;
            }
            found.add(PatientMapping.toFhir(patient, settings.getMrnSystem()));
        }
        return found;
    }

    /** A new patient with the next MRN; the body was checked strictly before ({@link FhirInputInterceptor}). */
    @Create
    public MethodOutcome create(@ResourceParam Patient resource) {
        org.healthcrm.patient.Patient created = records.create(PatientMapping.fromFhir(resource));
        Patient result = PatientMapping.toFhir(created, settings.getMrnSystem());
        MethodOutcome outcome = new MethodOutcome(result.getIdElement(), true);
        outcome.setResource(result);
        return outcome;
    }

    /**
     * Replaces what the Patient carries (a field the resource leaves out is cleared); the record fields FHIR has no
     * place for here stay. HAPI has already checked that the body's id is the URL's.
     */
    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Patient resource) {
        long patientId = FhirIds.of(id, "Patient");
        org.healthcrm.patient.Patient updated = records.update(patientId, PatientMapping.fromFhir(resource));
        Patient result = PatientMapping.toFhir(updated, settings.getMrnSystem());
        MethodOutcome outcome = new MethodOutcome(result.getIdElement(), false);
        outcome.setResource(result);
        return outcome;
    }

    private static LocalDate day(DateParam birthDate) {
        if (birthDate == null || birthDate.isEmpty()) {
            return null;
        }
        if (birthDate.getPrefix() != null && birthDate.getPrefix() != ParamPrefixEnum.EQUAL) {
            throw new InvalidRequestException("birthdate takes one day (yyyy-mm-dd) without a prefix");
        }
        if (birthDate.getPrecision() != TemporalPrecisionEnum.DAY) {
            throw new InvalidRequestException("birthdate takes one day (yyyy-mm-dd)");
        }
        return LocalDate.parse(birthDate.getValueAsString().substring(0, 10));
    }

    private static String value(StringParam param) {
        return param == null || param.getValue() == null || param.getValue().isBlank() ? null : param.getValue().strip();
    }

    private static boolean sameWords(String a, String b) {
        return FhirResources.normalizedName(a).equals(FhirResources.normalizedName(b));
    }
}
