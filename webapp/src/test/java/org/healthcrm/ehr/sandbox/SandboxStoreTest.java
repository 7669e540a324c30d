package org.healthcrm.ehr.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** The sandbox finds what it stores through its index as a scan would, also after an update changes the keys. */
class SandboxStoreTest {

    private final SandboxStore<Patient> patients = new SandboxStore<>("Patient", 1);
    private final SandboxStore<Consent> consents = new SandboxStore<>("Consent", 1);

    private static Patient patient(String mrn, String birthDate) {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem("urn:test:mrn").setValue(mrn);
        patient.setBirthDateElement(new DateType(birthDate));
        return patient;
    }

    @Test
    void findsByIdentifierAndBirthDateAndForgetsTheKeysAnUpdateRemoved() {
        String ada = patients.create(patient("M1", "1980-01-02")).getIdElement().getIdPart();
        patients.create(patient("M2", "1980-01-02"));
        patients.create(patient("M3", "1975-05-05"));

        assertThat(patients.find(SandboxStore.identifierKey("urn:test:mrn", "M1"), p -> true))
                .extracting(p -> p.getIdElement().getIdPart()).containsExactly(ada);
        assertThat(patients.find(SandboxStore.birthDateKey("1980-01-02"), p -> true)).hasSize(2);
        assertThat(patients.find(SandboxStore.identifierKey("urn:other", "M1"), p -> true)).isEmpty();

        patients.update(ada, patient("M9", "1980-01-03"));

        assertThat(patients.find(SandboxStore.identifierKey("urn:test:mrn", "M1"), p -> true)).isEmpty();
        assertThat(patients.find(SandboxStore.identifierKey("urn:test:mrn", "M9"), p -> true)).hasSize(1);
        assertThat(patients.find(SandboxStore.birthDateKey("1980-01-02"), p -> true)).hasSize(1);
        assertThat(patients.find(SandboxStore.birthDateKey("1980-01-03"), p -> true))
                .singleElement().satisfies(p -> assertThat(p.getMeta().getVersionId()).isEqualTo("2"));
    }

    @Test
    void findsAPatientsConsentsInIdOrder() {
        for (String who : new String[] {"Patient/7", "Patient/8", "Patient/7"}) {
            consents.create(new Consent().setPatient(new Reference(who)));
        }
        assertThat(consents.find(SandboxStore.patientKey("7"), c -> true))
                .extracting(c -> c.getIdElement().getIdPart()).containsExactly("1", "3");
        assertThat(consents.find(SandboxStore.patientKey("9"), c -> true)).isEmpty();
    }

    @Test
    void aResourceATransactionHandsOverIsStoredAsVersionOneAndReadBackAsACopy() {
        String id = patients.nextId();
        patients.adopt(id, patient("M4", "1990-03-04"));

        Patient read = patients.read(id).orElseThrow();
        assertThat(read.getMeta().getVersionId()).isEqualTo("1");
        assertThat(read.getIdElement().getIdPart()).isEqualTo(id);
        assertThat(patients.find(SandboxStore.identifierKey("urn:test:mrn", "M4"), p -> true)).hasSize(1);
        // what a reader gets is its own: changing it changes nothing stored
        read.getIdentifierFirstRep().setValue("changed");
        assertThat(patients.read(id).orElseThrow().getIdentifierFirstRep().getValue()).isEqualTo("M4");
    }

    @Test
    void aClearedStoreFindsNothingAndGoesOnNumbering() {
        patients.create(patient("M1", "1980-01-02"));
        patients.clear();

        assertThat(patients.find(p -> true)).isEmpty();
        assertThat(patients.find(SandboxStore.identifierKey("urn:test:mrn", "M1"), p -> true)).isEmpty();
        assertThat(patients.create(patient("M1", "1980-01-02")).getIdElement().getIdPart()).isEqualTo("2");
        assertThat(patients.find(SandboxStore.birthDateKey("1980-01-02"), p -> true)).hasSize(1);
    }
}
