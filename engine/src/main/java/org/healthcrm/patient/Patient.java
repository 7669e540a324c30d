package org.healthcrm.patient;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A registered patient, known across the application by the internal {@link #getId() id} (logs and audit name
 * patients only by it) and to people by the {@link #getMrn() medical record number} we assign.
 */
@Entity
@Table(name = "patient")
public class Patient {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 20)
    private String mrn;

    @Column(name = "given_name", nullable = false, length = 100)
    private String givenName;

    @Column(name = "family_name", nullable = false, length = 100)
    private String familyName;

    @Column(name = "birth_date", nullable = false)
    private LocalDate birthDate;

    @Version
    private long version;

    protected Patient() {
    }

    public Patient(String mrn, String givenName, String familyName, LocalDate birthDate) {
        this.mrn = mrn;
        this.givenName = givenName;
        this.familyName = familyName;
        this.birthDate = birthDate;
    }

    public Long getId() {
        return id;
    }

    public String getMrn() {
        return mrn;
    }

    public String getGivenName() {
        return givenName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    /** "Family, Given" as front desks read a list. */
    public String getDisplayName() {
        return familyName + ", " + givenName;
    }
}
