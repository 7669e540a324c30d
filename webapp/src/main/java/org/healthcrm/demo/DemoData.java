package org.healthcrm.demo;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.healthcrm.patient.PatientRecords;
import org.healthcrm.patient.PatientRepository;
import org.healthcrm.security.Role;
import org.healthcrm.security.UserAccountRepository;
import org.healthcrm.security.UserAccountService;
import org.healthcrm.workflow.WorkTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo profile's data: one user per role (password {@value #PASSWORD}), a handful of patients, and a few open
 * intakes so the inbox has work in it. Runs only with the {@code demo} profile and only adds what is missing, so a
 * restart changes nothing.
 */
@Component
@Profile("demo")
public class DemoData {

    public static final String PASSWORD = "demo-Passw0rd!";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final UserAccountService userAccounts;
    private final UserAccountRepository users;
    private final PatientRepository patients;
    private final PatientRecords patientRecords;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;

    public DemoData(UserAccountService userAccounts, UserAccountRepository users, PatientRepository patients,
                    PatientRecords patientRecords, RuntimeService runtimeService, IdentityService identityService) {
        this.userAccounts = userAccounts;
        this.users = users;
        this.patients = patients;
        this.patientRecords = patientRecords;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void seed() {
        seedUser("frontdesk", "Fran Front-Desk", Role.FRONT_DESK);
        seedUser("supervisor", "Sue Supervisor", Role.FRONT_DESK_SUPERVISOR);
        seedUser("nurse", "Nora Nurse", Role.NURSE);
        seedUser("analyst", "Ana Analyst", Role.ANALYST);
        seedUser("compliance", "Colin Compliance", Role.COMPLIANCE);
        seedUser("admin", "Ada Admin", Role.ADMIN);
        seedUser("integration", "EHR interface", Role.INTEGRATION);
        if (patients.count() == 0) {
            List<Map<String, Object>> demo = List.of(
                    demoPatient("Zoë", "Ångström", LocalDate.of(1984, 3, 14), "female", "(555) 010-0001", "zoe.angstrom@example.org"),
                    demoPatient("José", "Núñez", LocalDate.of(1951, 11, 2), "male", "(555) 010-0002", null),
                    demoPatient("Łukasz", "Żółć", LocalDate.of(1990, 7, 30), "male", "(555) 010-0003", "lukasz@example.org"),
                    demoPatient("Amara", "Okafor", LocalDate.of(2012, 5, 9), "female", "(555) 010-0004", null),
                    demoPatient("Henry", "Walker", LocalDate.of(1947, 1, 21), "male", "(555) 010-0005", null),
                    demoPatient("Mei", "Chen", LocalDate.of(1999, 9, 17), "female", "(555) 010-0006", "mei.chen@example.org"));
            for (int i = 0; i < demo.size(); i++) {
                patientRecords.create(String.format("D%06d", i + 1), demo.get(i));
            }
            log.info("Demo data: {} patients", demo.size());
        }
        if (runtimeService.createProcessInstanceQuery().processDefinitionKey("patient-intake").count() == 0) {
            identityService.setAuthentication("frontdesk", List.of(Role.FRONT_DESK.group()));
            try {
                patients.findAll().stream().limit(3).forEach(patient -> runtimeService.startProcessInstanceByKey(
                        "patient-intake", "demo-" + patient.getMrn(),
                        java.util.Map.of(WorkTaskService.PATIENT_ID, patient.getId())));
            } finally {
                identityService.clearAuthentication();
            }
            log.info("Demo data: 3 open intakes");
        }
    }

    private static Map<String, Object> demoPatient(String given, String family, LocalDate birthDate, String sex,
                                                   String phone, String email) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("givenName", given);
        values.put("familyName", family);
        values.put("birthDate", birthDate);
        values.put("administrativeSex", sex);
        values.put("phone", phone);
        values.put("email", email);
        values.put("preferredLanguage", "en");
        values.put("addressLine1", "1 Demo Street");
        values.put("city", "Springfield");
        values.put("state", "IL");
        values.put("postalCode", "62701");
        return values;
    }

    private void seedUser(String username, String displayName, Role role) {
        if (!users.existsByUsername(username)) {
            userAccounts.create(username, displayName, PASSWORD, EnumSet.of(role));
        }
    }

}
