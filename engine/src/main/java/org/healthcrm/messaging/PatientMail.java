package org.healthcrm.messaging;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.healthcrm.audit.AuditTrail;
import org.healthcrm.consent.ConsentType;
import org.healthcrm.consent.Consents;
import org.healthcrm.patient.Patient;
import org.healthcrm.patient.PatientRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mail to patients, only with an active e-mail consent. Messages carry no clinical information: e-mail is not a
 * secure channel. Each message sent is audited.
 */
@Service
public class PatientMail {

    private final JavaMailSender sender;
    private final PatientRepository patients;
    private final Consents consents;
    private final AuditTrail audit;
    private final String from;
    private final String organization;

    public PatientMail(JavaMailSender sender, PatientRepository patients, Consents consents, AuditTrail audit,
                       @Value("${healthcrm.mail.from:no-reply@healthcrm.local}") String from,
                       @Value("${healthcrm.mail.organization:Health CRM clinic}") String organization) {
        this.sender = sender;
        this.patients = patients;
        this.consents = consents;
        this.audit = audit;
        this.from = from;
        this.organization = organization;
    }

    /** @return whether a message was sent (false without an address or an active e-mail consent) */
    @Transactional
    public boolean sendRegistrationConfirmation(long patientId) {
        Patient patient = patients.findById(patientId).orElseThrow();
        if (patient.getEmail() == null || !consents.hasActive(patientId, ConsentType.CONTACT_EMAIL)) {
            return false;
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(patient.getEmail());
            helper.setSubject("Your registration at " + organization + " is complete");
            helper.setText("Dear " + patient.getGivenName() + ",\n\n"
                    + "thank you: your registration at " + organization + " is complete.\n"
                    + "Your medical record number is " + patient.getMrn() + ". Please have it ready when you call us.\n\n"
                    + "You receive this e-mail because you agreed to be contacted by e-mail. "
                    + "To stop, tell our front desk.\n\n" + organization + "\n");
            sender.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("The confirmation e-mail could not be composed", e);
        } catch (org.springframework.mail.MailException e) {
            // the relay's answer names the recipient's address: the failed job (and its log) keeps only the kind of
            // failure; the job is retried and then becomes an incident
            throw new IllegalStateException("The confirmation e-mail could not be delivered (" + e.getClass()
                    .getSimpleName() + ")");
        }
        audit.change("MESSAGE_SEND", patientId, "Email", null, "registration-confirmation");
        return true;
    }
}
