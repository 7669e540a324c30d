package org.healthcrm.patient;

import java.time.LocalDate;

/** What a clerk searches patients by; any combination, blank parts ignored. */
public record PatientQuery(String name, LocalDate birthDate, String mrn, String phone) {

    public boolean isEmpty() {
        return blank(name) && birthDate == null && blank(mrn) && blank(phone);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
