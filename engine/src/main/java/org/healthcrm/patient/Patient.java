package org.healthcrm.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.healthcrm.platform.crypto.EncryptedLocalDate;
import org.healthcrm.platform.crypto.EncryptedString;

/**
 * A registered patient, known across the application by the internal {@link #getId() id} (logs and audit name
 * patients only by it) and to people by the {@link #getMrn() medical record number} we assign.
 *
 * <p>Identifying columns are encrypted at rest; {@link PatientRecords} keeps the keyed search hashes in step with
 * them, so change a patient only through it.
 */
@Entity
@Table(name = "patient")
public class Patient {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 20, updatable = false)
    private String mrn;

    @Convert(converter = EncryptedString.class)
    @Column(name = "given_name", nullable = false)
    private String givenName;

    @Convert(converter = EncryptedString.class)
    @Column(name = "family_name", nullable = false)
    private String familyName;

    @Convert(converter = EncryptedLocalDate.class)
    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Convert(converter = EncryptedString.class)
    @Column(name = "administrative_sex")
    private String administrativeSex;

    @Convert(converter = EncryptedString.class)
    @Column(name = "gender_identity")
    private String genderIdentity;

    @Convert(converter = EncryptedString.class)
    private String phone;

    @Convert(converter = EncryptedString.class)
    private String email;

    @Convert(converter = EncryptedString.class)
    @Column(name = "address_line1")
    private String addressLine1;

    @Convert(converter = EncryptedString.class)
    private String city;

    @Convert(converter = EncryptedString.class)
    private String state;

    @Convert(converter = EncryptedString.class)
    @Column(name = "postal_code")
    private String postalCode;

    @Column(name = "preferred_language", length = 20)
    private String preferredLanguage;

    @Column(name = "interpreter_needed", nullable = false)
    private boolean interpreterNeeded;

    /** The channel the patient prefers to be reached by: sms, email, phone or mail. */
    @Column(name = "preferred_channel", length = 20)
    private String preferredChannel;

    @Convert(converter = EncryptedString.class)
    @Column(name = "emergency_contact_name")
    private String emergencyContactName;

    @Convert(converter = EncryptedString.class)
    @Column(name = "emergency_contact_phone")
    private String emergencyContactPhone;

    @Convert(converter = EncryptedString.class)
    @Column(name = "emergency_contact_relationship")
    private String emergencyContactRelationship;

    @Convert(converter = EncryptedString.class)
    @Column(name = "guardian_name")
    private String guardianName;

    @Column(name = "guardian_relationship", length = 30)
    private String guardianRelationship;

    @Convert(converter = EncryptedString.class)
    @Column(name = "guardian_phone")
    private String guardianPhone;

    @Column(name = "given_name_hash", nullable = false, length = 64)
    private String givenNameHash;

    @Column(name = "family_name_hash", nullable = false, length = 64)
    private String familyNameHash;

    @Column(name = "birth_date_hash", length = 64)
    private String birthDateHash;

    @Column(name = "phone_hash", length = 64)
    private String phoneHash;

    /** The id of this patient's Patient resource in the EHR, once linked. */
    @Column(name = "ehr_patient_id", length = 64)
    private String ehrPatientId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Patient() {
    }

    Patient(String mrn, Instant now) {
        this.mrn = mrn;
        this.createdAt = now;
        this.updatedAt = now;
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

    /** Whole years at the given day; null without a birth date. */
    public Integer ageAt(LocalDate day) {
        return birthDate == null ? null : Period.between(birthDate, day).getYears();
    }

    /** "Family, Given" as front desks read a list. */
    public String getDisplayName() {
        return familyName + ", " + givenName;
    }

    public String getAdministrativeSex() {
        return administrativeSex;
    }

    public String getGenderIdentity() {
        return genderIdentity;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }

    public String getAddressLine1() {
        return addressLine1;
    }

    public String getCity() {
        return city;
    }

    public String getState() {
        return state;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public String getPreferredLanguage() {
        return preferredLanguage;
    }

    public boolean isInterpreterNeeded() {
        return interpreterNeeded;
    }

    public String getPreferredChannel() {
        return preferredChannel;
    }

    public String getEmergencyContactName() {
        return emergencyContactName;
    }

    public String getEmergencyContactPhone() {
        return emergencyContactPhone;
    }

    public String getEmergencyContactRelationship() {
        return emergencyContactRelationship;
    }

    public String getGuardianName() {
        return guardianName;
    }

    public String getGuardianRelationship() {
        return guardianRelationship;
    }

    public String getGuardianPhone() {
        return guardianPhone;
    }

    public String getEhrPatientId() {
        return ehrPatientId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    // Changed only by PatientRecords, which keeps the search hashes in step.

    void setGivenName(String givenName) {
        this.givenName = givenName;
    }

    void setFamilyName(String familyName) {
        this.familyName = familyName;
    }

    void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    void setAdministrativeSex(String administrativeSex) {
        this.administrativeSex = administrativeSex;
    }

    void setGenderIdentity(String genderIdentity) {
        this.genderIdentity = genderIdentity;
    }

    void setPhone(String phone) {
        this.phone = phone;
    }

    void setEmail(String email) {
        this.email = email;
    }

    void setAddressLine1(String addressLine1) {
        this.addressLine1 = addressLine1;
    }

    void setCity(String city) {
        this.city = city;
    }

    void setState(String state) {
        this.state = state;
    }

    void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    void setPreferredLanguage(String preferredLanguage) {
        this.preferredLanguage = preferredLanguage;
    }

    void setInterpreterNeeded(boolean interpreterNeeded) {
        this.interpreterNeeded = interpreterNeeded;
    }

    void setPreferredChannel(String preferredChannel) {
        this.preferredChannel = preferredChannel;
    }

    void setEmergencyContactName(String emergencyContactName) {
        this.emergencyContactName = emergencyContactName;
    }

    void setEmergencyContactPhone(String emergencyContactPhone) {
        this.emergencyContactPhone = emergencyContactPhone;
    }

    void setEmergencyContactRelationship(String emergencyContactRelationship) {
        this.emergencyContactRelationship = emergencyContactRelationship;
    }

    void setGuardianName(String guardianName) {
        this.guardianName = guardianName;
    }

    void setGuardianRelationship(String guardianRelationship) {
        this.guardianRelationship = guardianRelationship;
    }

    void setGuardianPhone(String guardianPhone) {
        this.guardianPhone = guardianPhone;
    }

    void setHashes(String givenNameHash, String familyNameHash, String birthDateHash, String phoneHash) {
        this.givenNameHash = givenNameHash;
        this.familyNameHash = familyNameHash;
        this.birthDateHash = birthDateHash;
        this.phoneHash = phoneHash;
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }
}
