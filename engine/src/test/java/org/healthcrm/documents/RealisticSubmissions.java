package org.healthcrm.documents;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.healthcrm.forms.FormDefinition;
import org.healthcrm.forms.validation.SubmissionValidator;
import org.healthcrm.forms.validation.ValidationResult;
import org.healthcrm.forms.validation.ValidationSettings;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The product's own forms (read from the forms jar at forms/&lt;feature&gt;/&lt;key&gt;.json) with what front desk
 * staff, patients and nurses would submit, cleaned by the real validator as on task completion. Today is
 * 2025-06-15 (UTC).
 */
public final class RealisticSubmissions {

    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();
    static final Clock TODAY = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);
    static final SubmissionValidator VALIDATOR =
            new SubmissionValidator(ValidationSettings.defaults().withClock(TODAY));

    /** A drawn signature as the Form.io signature pad sends it: a transparent 600 x 150 PNG. */
    public static final String SIGNATURE = "data:image/png;base64,"
            + Base64.getEncoder().encodeToString(signaturePng());

    private RealisticSubmissions() {
    }

    /** A packaged form definition, by feature folder and key. */
    public static FormDefinition form(String feature, String key) {
        String resource = "forms/" + feature + "/" + key + ".json";
        try (InputStream in = RealisticSubmissions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath (is healthcrm-forms built?)");
            }
            return FormDefinition.parse(key, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validates a submission as the task service does and returns the cleaned data; fails on any error. */
    public static ObjectNode cleaned(FormDefinition form, String relaxedJson) {
        ValidationResult result = VALIDATOR.validate(form, parse(relaxedJson));
        if (!result.valid()) {
            throw new AssertionError("the test submission for " + form.key() + " is invalid: " + result.errors());
        }
        return result.data();
    }

    public static JsonNode parse(String relaxedJson) {
        try {
            return JSON.readTree(relaxedJson);
        } catch (IOException e) {
            throw new IllegalArgumentException(relaxedJson, e);
        }
    }

    public static SubmissionInfo info(String formKey) {
        return new SubmissionInfo("frontdesk.maria", Instant.parse("2025-06-15T13:40:00Z"), "Collect demographics",
                "Patient intake", "8c1f3b2e-4a5d-11f0-9d1c-0242ac120002", "INTAKE-2025-000417", formKey, 3);
    }

    public static final String DEMOGRAPHICS = "{service: 'primaryCare', intakeChannel: 'walkIn',"
            + " givenName: 'Zoë', familyName: 'Ångström', dateOfBirth: '04/23/1978',"
            + " administrativeSex: 'female', genderIdentity: 'Woman', isMinor: false, phone: '(617) 555-0142',"
            + " email: 'zoe.angstrom@example.org', preferredLanguage: 'es',"
            + " address: {line1: '12 Elm Street', city: 'Boston', state: 'MA', postalCode: '02118'},"
            + " emergencyContactName: 'José Núñez', emergencyContactPhone: '(617) 555-0199', submit: true}";

    public static final String CONSENTS = "{treatmentConsentRequired: true, privacyNoticeRequired: true,"
            + " guardianSignatureRequired: false, consentValidityMonths: 24,"
            + " consentToTreatment: true, privacyNoticeAcknowledged: true, consentSms: true, consentEmail: false,"
            + " releaseOfInformation: true, releaseTo: 'Dr. Helen Park, Back Bay Cardiology',"
            + " signerName: 'Zoë Ångström', signature: '" + SIGNATURE + "', submit: true}";

    public static final String HEALTH_HISTORY = "{redFlagChestPain: false, redFlagDifficultyBreathing: true,"
            + " redFlagStrokeSigns: false, redFlagSevereBleeding: false, redFlagSuicidalThoughts: false,"
            + " noKnownAllergies: false,"
            + " allergies: [{substance: 'Penicillin', reaction: 'Hives', severity: 'moderate'},"
            + " {substance: 'Peanuts', reaction: 'Swelling of the throat', severity: 'lifeThreatening'}],"
            + " medications: [{name: 'Metformin', dose: '500 mg', frequency: 'twiceDaily'},"
            + " {name: 'Lisinopril', dose: '10 mg', frequency: 'onceDaily'}],"
            + " conditions: {diabetes: true, hypertension: true, asthma: false, copd: false, heartDisease: false,"
            + " kidneyDisease: false, cancer: false, depression: false, anxiety: false, other: true},"
            + " otherConditions: 'Hypothyroidism since 2019', submit: true}";

    public static final String INSURANCE_SELF_PAY = "{coverageType: 'selfPay', paymentMethod: 'card',"
            + " paymentReference: '4242', submit: true}";

    public static final String INSURANCE = "{coverageType: 'insurance',"
            + " payerName: 'Blue Cross Blue Shield of Massachusetts', memberId: 'XJH-448812093',"
            + " groupNumber: '004417', subscriberRelationship: 'self',"
            + " insuranceCard: [{storage: 'url', name: 'card-front-8f3a.jpg', originalName: 'card-front.jpg',"
            + " size: 184233, type: 'image/jpeg', url: '/api/files/8f3a'},"
            + " {storage: 'url', name: 'card-back-91c2.jpg', originalName: 'card-back.jpg',"
            + " size: 170112, type: 'image/jpeg', url: '/api/files/91c2'}], submit: true}";

    public static final String REFERRAL = "{referringProviderName: 'Dr. Łukasz Żółć',"
            + " referringProviderNpi: '1234567893', referringOrganization: 'Dorchester Family Medicine',"
            + " referringProviderPhone: '(617) 555-0100', referringProviderFax: '(617) 555-0101',"
            + " referringProviderEmail: 'lzolc@dfm.example.org',"
            + " patient: {givenName: 'José', familyName: 'Núñez', dateOfBirth: '11/02/1961',"
            + " phone: '(617) 555-0177'}, receivedAt: '2025-06-14T16:05:00-04:00', urgency: 'urgent',"
            + " requestedSpecialty: 'cardiology',"
            + " referralReason: 'Exertional chest tightness for three weeks, abnormal resting ECG.',"
            + " diagnoses: [{code: 'I20.9', description: 'Angina pectoris, unspecified'}, {code: 'I10'}],"
            + " preferredAppointmentDate: '2025-06-20T00:00:00-04:00',"
            + " documents: [{storage: 'url', name: 'ecg-0614-1a2b.pdf', originalName: 'ECG 2025-06-14.pdf',"
            + " size: 88311, type: 'application/pdf', url: '/api/files/1a2b'}], submit: true}";

    public static final String TRIAGE = "{chiefComplaint: 'Fever and sore throat since Tuesday',"
            + " symptomOnset: '2025-06-13T08:00:00-04:00', painScore: 4, protocolVersion: '2025.1',"
            + " vitalsTaken: false,"
            + " redFlags: {chestPain: false, difficultyBreathing: false, strokeSigns: false,"
            + " severeBleeding: false, suicidalThoughts: false}, disposition: 'primaryCare',"
            + " nurseNotes: 'Advised fluids and rest. Łukasz Żółć (brother) present.', nurseSignature: '"
            + SIGNATURE + "'}";

    /**
     * An inbound referral that fills three Letter pages: a 440-word history, twelve annotated diagnoses and seven
     * documents. The benchmark renders it.
     */
    public static final String THREE_PAGE_REFERRAL = REFERRAL
            .replace("'Exertional chest tightness for three weeks, abnormal resting ECG.'", "'" + history() + "'")
            .replace("[{code: 'I20.9', description: 'Angina pectoris, unspecified'}, {code: 'I10'}]", diagnoses())
            .replace("documents: [", "documents: [" + documents());

    private static String history() {
        String sentence = "Exertional chest tightness for three weeks, worse on stairs and in cold air, relieved by"
                + " rest within five minutes; abnormal resting ECG with T-wave inversion in V4 to V6; father had a"
                + " myocardial infarction at 52; current smoker of ten cigarettes a day, willing to quit.";
        return IntStream.range(0, 8).mapToObj(i -> sentence).collect(Collectors.joining(" "));
    }

    private static String diagnoses() {
        String[][] rows = {
                {"I20.9", "Angina pectoris, unspecified"}, {"I10", "Essential (primary) hypertension"},
                {"E11.9", "Type 2 diabetes mellitus without complications"}, {"E78.5", "Hyperlipidemia, unspecified"},
                {"F17.210", "Nicotine dependence, cigarettes, uncomplicated"}, {"R07.89", "Other chest pain"},
                {"R94.31", "Abnormal electrocardiogram"}, {"Z82.49", "Family history of ischemic heart disease"},
                {"E66.9", "Obesity, unspecified"}, {"G47.33", "Obstructive sleep apnea"},
                {"K21.9", "Gastro-esophageal reflux disease without esophagitis"},
                {"M54.50", "Low back pain, unspecified"}};
        List<String> json = new ArrayList<>();
        for (String[] row : rows) {
            json.add("{code: '" + row[0] + "', description: '" + row[1] + "; noted by the referring provider on"
                    + " 2025-06-02, see the attached summary for history and current treatment'}");
        }
        return "[" + String.join(", ", json) + "]";
    }

    private static String documents() {
        StringBuilder files = new StringBuilder();
        for (String name : List.of("Stress test 2025-05-30.pdf", "Lipid panel 2025-06-02.pdf",
                "Echocardiogram report.pdf", "Medication list.pdf", "Visit summary 2025-06-02.pdf",
                "Insurance authorization.pdf")) {
            files.append("{storage: 'url', name: 'f-").append(Math.abs(name.hashCode())).append(".pdf',")
                    .append(" originalName: '").append(name).append("', size: 120000, type: 'application/pdf',")
                    .append(" url: '/api/files/").append(Math.abs(name.hashCode())).append("'}, ");
        }
        return files.toString();
    }

    /** A signature as a signature pad draws it: a dark stroke on a transparent canvas. */
    static byte[] signaturePng() {
        BufferedImage image = new BufferedImage(600, 150, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D.Float stroke = new Path2D.Float();
        stroke.moveTo(40, 100);
        stroke.curveTo(80, 20, 120, 140, 170, 70);
        stroke.curveTo(210, 20, 240, 120, 290, 80);
        stroke.curveTo(340, 40, 380, 130, 430, 60);
        stroke.curveTo(470, 20, 520, 110, 560, 90);
        g.draw(stroke);
        g.dispose();
        return png(image);
    }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
