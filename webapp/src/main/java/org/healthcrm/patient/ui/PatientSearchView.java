package org.healthcrm.patient.ui;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import org.healthcrm.patient.Patient;
import org.healthcrm.patient.PatientQuery;
import org.healthcrm.patient.PatientRecords;
import org.healthcrm.platform.InvalidInputException;
import org.healthcrm.platform.ui.ScreenSupport;
import org.springframework.stereotype.Component;

/** Patient search by name, birth date, MRN and phone; every patient listed is audited by {@link PatientRecords}. */
@Component("patientSearch")
@ViewScoped
public class PatientSearchView implements Serializable {

    private final transient PatientRecords patients;

    private String name;
    private LocalDate birthDate;
    private String mrn;
    private String phone;
    private List<Patient> results;

    public PatientSearchView(PatientRecords patients) {
        this.patients = patients;
    }

    public void search() {
        try {
            results = patients.search(new PatientQuery(name, birthDate, mrn, phone));
        } catch (InvalidInputException e) {
            results = null;
            ScreenSupport.fieldError("search:" + e.field(), e.getMessage());
        }
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public LocalDate getBirthDate() { return birthDate; }
    public void setBirthDate(LocalDate birthDate) { this.birthDate = birthDate; }
    public String getMrn() { return mrn; }
    public void setMrn(String mrn) { this.mrn = mrn; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public List<Patient> getResults() { return results; }
}
