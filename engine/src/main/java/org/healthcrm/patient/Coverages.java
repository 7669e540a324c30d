package org.healthcrm.patient;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.healthcrm.audit.AuditTrail;
import org.healthcrm.platform.InvalidInputException;
import org.healthcrm.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records how a patient pays, from the {@code coverage.*} record fields of a form: a new coverage replaces the one
 * that was active. A payment reference that looks like a card number is refused: we keep the payment processor's
 * token, never the card.
 */
@Service
public class Coverages {

    private static final Pattern CARD_LIKE = Pattern.compile("(?:\\d[ -]?){12,18}\\d");

    private final CoverageRepository coverages;
    private final AuditTrail audit;
    private final Clock clock;

    public Coverages(CoverageRepository coverages, AuditTrail audit, Clock clock) {
        this.coverages = coverages;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param values the {@code coverage.*} fields without the prefix: type (insurance or selfPay), payer, memberId,
     *               groupNumber, subscriberRelation, subscriberName, paymentMethod, paymentReference
     */
    @Transactional
    public Coverage record(long patientId, Map<String, ?> values, String processInstanceId) {
        Object typeValue = values.get("type");
        Coverage.Type type;
        if ("insurance".equals(typeValue)) {
            type = Coverage.Type.INSURANCE;
        } else if ("selfPay".equals(typeValue)) {
            type = Coverage.Type.SELF_PAY;
        } else {
            throw new InvalidInputException("coverageType", "Choose insurance or self-pay");
        }
        LocalDate today = LocalDate.now(clock);
        Coverage coverage = new Coverage(patientId, type, today, processInstanceId, clock.instant());
        if (type == Coverage.Type.INSURANCE) {
            coverage.setPayer(required(values, "payer", "payerName", "Enter the insurance company"));
            coverage.setMemberId(required(values, "memberId", "memberId", "Enter the member ID"));
            coverage.setGroupNumber(text(values, "groupNumber"));
            coverage.setSubscriberRelation(text(values, "subscriberRelation"));
            coverage.setSubscriberName(text(values, "subscriberName"));
        } else {
            coverage.setPaymentMethod(required(values, "paymentMethod", "paymentMethod", "Choose a payment method"));
            String reference = text(values, "paymentReference");
            if (reference != null && isCardNumber(reference)) {
                throw new InvalidInputException("paymentReference",
                        "Enter the payment processor's reference, never a card number");
            }
            coverage.setPaymentReference(reference);
        }
        coverages.findFirstByPatientIdAndStatusOrderByIdDesc(patientId, Coverage.Status.ACTIVE)
                .ifPresent(previous -> previous.replaced(today));
        Coverage saved = coverages.save(coverage);
        audit.change("COVERAGE_CREATE", patientId, "Coverage", saved.getId().toString(), type.name());
        return saved;
    }

    /** The patient's coverage in force: the newest active one. */
    @Transactional(readOnly = true)
    public Optional<Coverage> active(long patientId) {
        return coverages.findFirstByPatientIdAndStatusOrderByIdDesc(patientId, Coverage.Status.ACTIVE);
    }

    /** Records the id of the coverage's Coverage resource in the EHR (the record is not read for it). */
    @Transactional
    public void linkToEhr(long patientId, long coverageId, String ehrCoverageId) {
        if (coverages.linkToEhr(patientId, coverageId, ehrCoverageId) == 0) {
            throw new NotFoundException("No coverage with id " + coverageId + " of patient " + patientId);
        }
        audit.change("COVERAGE_EHR_LINK", patientId, "Coverage", Long.toString(coverageId), "ehrCoverageId");
    }

    /** 13 to 19 digits (spaces or dashes allowed) that pass the Luhn check. */
    static boolean isCardNumber(String text) {
        if (!CARD_LIKE.matcher(text.strip()).matches()) {
            return false;
        }
        String digits = text.replaceAll("\\D", "");
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private static String required(Map<String, ?> values, String field, String formField, String message) {
        String value = text(values, field);
        if (value == null) {
            throw new InvalidInputException(formField, message);
        }
        return value;
    }

    private static String text(Map<String, ?> values, String field) {
        Object value = values.get(field);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
