package org.healthcrm.documents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.healthcrm.forms.FormDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.healthcrm.documents.RealisticSubmissions.cleaned;
import static org.healthcrm.documents.RealisticSubmissions.form;
import static org.healthcrm.documents.RealisticSubmissions.info;
import static org.healthcrm.documents.RealisticSubmissions.parse;

/**
 * The PDF compliance keeps of each completed form, rendered from the product's own forms with realistic answers
 * (cleaned by the real validator) and read back with PDFBox as a reader would see it.
 */
class SubmissionPdfTest {

    private final SubmissionPdf submissionPdf = new SubmissionPdf(PageFormat.LETTER, ZoneId.of("America/New_York"));

    private PdfText render(FormDefinition form, ObjectNode data) {
        return PdfText.of(submissionPdf.render(form, data, info(form.key())));
    }

    @Test
    void demographicsShowEveryAnsweredFieldInFormOrderWithOptionLabels() {
        FormDefinition form = form("intake", "intake-demographics");

        PdfText pdf = render(form, cleaned(form, RealisticSubmissions.DEMOGRAPHICS));

        assertThat(pdf.pageCount()).isEqualTo(1);
        assertThat(pdf.lines()).contains(form.title(), "Given name Zoë", "Family name Ångström",
                "Emergency contact name José Núñez");
        assertThat(pdf.flat()).containsSubsequence(form.title(),
                "Patient",
                "Given name Zoë", "Family name Ångström",
                "Date of birth 1978-04-23 (entered as 04/23/1978)",
                "Administrative sex Female",
                "Gender identity Woman",
                "The patient is a minor (under 18) No",
                "Contact",
                "Phone (617) 555-0142", "Email zoe.angstrom@example.org",
                "Preferred language Spanish",
                "Address", "Street address 12 Elm Street", "City Boston", "State MA", "ZIP code 02118",
                "Emergency contact", "Emergency contact name José Núñez",
                "Emergency contact phone (617) 555-0199",
                "Page 1 of 1");
        // stored values never replace what the person chose from
        assertThat(pdf.flat()).doesNotContain("female", " es ");
    }

    @Test
    void fieldsTheFormHidFromThePersonAreLeftOut() {
        FormDefinition demographics = form("intake", "intake-demographics");
        FormDefinition insurance = form("intake", "intake-insurance");

        PdfText adult = render(demographics, cleaned(demographics, RealisticSubmissions.DEMOGRAPHICS));
        PdfText selfPay = render(insurance, cleaned(insurance, RealisticSubmissions.INSURANCE_SELF_PAY));

        // the guardian panel shows only for minors
        assertThat(adult.flat()).doesNotContain("Parent or legal guardian", "Guardian name", "Relationship to the");
        // self-pay: the whole insurance panel was hidden; the submit button never shows
        assertThat(selfPay.flat())
                .contains("How will you pay for your care? Self-pay", "Payment method Credit or debit card",
                        "Payment reference 4242")
                .doesNotContain("Insurance company", "Member ID", "Insurance card");
        assertThat(selfPay.lines()).doesNotContain("Submit");
    }

    @Test
    void metadataSaysWhoSubmittedWhenInWhichTaskAndProcess() {
        FormDefinition form = form("intake", "intake-demographics");

        PdfText pdf = render(form, cleaned(form, RealisticSubmissions.DEMOGRAPHICS));

        assertThat(pdf.lines()).containsSubsequence(
                "Submitted by frontdesk.maria",
                "Submitted at 2025-06-15T13:40:00Z (2025-06-15 09:40:00 EDT, America/New_York)",
                "Task Collect demographics",
                "Process Patient intake",
                "Process instance 8c1f3b2e-4a5d-11f0-9d1c-0242ac120002",
                "Business key INTAKE-2025-000417",
                "Form intake-demographics, version 3");
        assertThat(pdf.page(1)).startsWith("Health CRM · " + form.title() + " INTAKE-2025-000417")
                .endsWith("Form intake-demographics v3 · submitted 2025-06-15T13:40:00Z Page 1 of 1");
    }

    @Test
    void consentShowsTickedOptionLabelsAndTheSignatureAsAnImage() {
        FormDefinition form = form("consent", "intake-consents");

        PdfText pdf = render(form, cleaned(form, RealisticSubmissions.CONSENTS));

        assertThat(pdf.flat()).containsSubsequence(
                "I consent to examination and treatment Yes",
                "You may send me text messages Yes",
                "You may e-mail me (confirmations, No",
                "Released to (name and relationship or Dr. Helen Park, Back Bay Cardiology",
                "Patient signature", "Name of the patient signing Zoë Ångström",
                "Signature");
        // the process's hidden settings and the guardian's panel (an adult signs) are not part of the document
        assertThat(pdf.flat()).doesNotContain("Consents valid for", "Treatment consent required",
                "Parent or legal guardian", SubmissionPdf.UNREADABLE_SIGNATURE);
        assertThat(pdf.imageResources()).containsExactly(1);
        PdfText.ImageOnPage signature = pdf.images().get(0).get(0);
        assertThat(signature.pixelWidth()).isEqualTo(600);
        assertThat(signature.width()).isLessThanOrEqualTo(240.5f);
        assertThat(signature.height()).isLessThanOrEqualTo(90.5f);
    }

    @Test
    void aSignatureThatIsNoImageIsNamedInsteadOfFailingTheDocument() {
        FormDefinition form = form("consent", "intake-consents");
        for (String broken : List.of("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB",
                "data:image/png;base64,@@not base64@@", "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
                "not a data url")) {
            ObjectNode data = cleaned(form, RealisticSubmissions.CONSENTS);
            data.put("signature", broken);

            PdfText pdf = render(form, data);

            assertThat(pdf.flat()).as(broken).contains("Signature " + SubmissionPdf.UNREADABLE_SIGNATURE,
                    "Name of the patient signing Zoë Ångström");
            assertThat(pdf.imageCount()).as(broken).isZero();
        }
    }

    @Test
    void wizardPagesAndTabsBecomeSectionsAndHiddenValuesStayOut() {
        FormDefinition form = form("triage", "triage-nurse-assessment");

        PdfText pdf = render(form, cleaned(form, RealisticSubmissions.TRIAGE));

        List<String> pageTitles = form.pages().stream().map(p -> p.title()).toList();
        assertThat(pageTitles).hasSizeGreaterThanOrEqualTo(3);
        assertThat(pdf.lines()).containsSubsequence(pageTitles);
        assertThat(pdf.flat()).containsSubsequence(
                "Chief complaint Fever and sore throat since Tuesday",
                "Symptoms started 2025-06-13 08:00 UTC-04:00",
                "Pain score (0 = none, 10 = worst", "4",
                "Vital signs were taken No",
                "Red flags present None",
                "Disposition Primary care appointment",
                "Nurse notes", "Advised fluids and rest. Łukasz Żółć (brother) present.",
                "Sign-off", "Nurse signature");
        // vitals were not taken: the table of vitals was hidden; the hidden protocol version is never shown
        assertThat(pdf.flat()).doesNotContain("Heart rate", "Temperature", "Protocol version", "2025.1",
                "Emergency instructions", "Advice given");
        assertThat(pdf.imageCount()).isEqualTo(1);
    }

    @Test
    void gridRowsBecomeATableAndContainersASection() {
        FormDefinition form = form("referral", "referral-inbound");

        PdfText pdf = render(form, cleaned(form, RealisticSubmissions.REFERRAL));

        assertThat(pdf.lines()).contains("Provider name Dr. Łukasz Żółć", "Given name José", "Family name Núñez",
                "ICD-10 code Description", "I20.9 Angina pectoris, unspecified", "I10");
        assertThat(pdf.flat()).containsSubsequence(
                "Referring provider", "Provider name Dr. Łukasz Żółć", "NPI 1234567893",
                "Phone (617) 555-0100", "Fax (617) 555-0101", "Email lzolc@dfm.example.org",
                "Patient", "Given name José", "Family name Núñez", "Date of birth 1961-11-02 (entered as 11/02/1961)",
                "Patient phone (617) 555-0177",
                "Referral", "Received 2025-06-14 16:05 UTC-04:00", "Urgency Urgent", "Requested specialty Cardiology",
                "Reason for referral Exertional chest tightness for three weeks, abnormal resting ECG.",
                "Diagnoses", "ICD-10 code Description", "I20.9 Angina pectoris, unspecified", "I10",
                "Preferred appointment date 2025-06-20",
                "Referral documents ECG 2025-06-14.pdf");
        // the container "Patient" inside the panel "Patient" does not repeat its heading
        assertThat(pdf.lines().stream().filter("Patient"::equals)).hasSize(1);
        assertThat(pdf.flat()).doesNotContain("urgent ", "cardiology", "ecg-0614-1a2b.pdf");
    }

    @Test
    void healthHistoryGridsShowOptionLabelsInTheirCells() {
        FormDefinition form = form("intake", "intake-health-history");

        PdfText pdf = render(form, cleaned(form, RealisticSubmissions.HEALTH_HISTORY));

        assertThat(pdf.lines()).containsSubsequence(
                "Difficulty breathing Yes",
                "Substance Reaction Severity",
                "Penicillin Hives Moderate",
                "Peanuts Swelling of the throat Life-threatening",
                "Medication Dose How often",
                "Metformin 500 mg Twice a day",
                "Lisinopril 10 mg Once a day");
        assertThat(pdf.flat()).containsSubsequence("Have you ever been diagnosed with any", "Diabetes",
                "High blood pressure", "Other", "Other conditions Hypothyroidism since 2019");
        assertThat(pdf.flat()).doesNotContain("Asthma", "COPD", "twiceDaily", "lifeThreatening");
    }

    @Test
    void fileFieldsListTheFileNames() {
        FormDefinition form = form("intake", "intake-insurance");

        PdfText pdf = render(form, cleaned(form, RealisticSubmissions.INSURANCE));

        assertThat(pdf.flat()).containsSubsequence("Insurance company Blue Cross Blue Shield of Massachusetts",
                "Member ID XJH-448812093", "The policy holder is Me",
                "Insurance card (front and back) card-front.jpg card-back.jpg");
        assertThat(pdf.flat()).doesNotContain("/api/files", "184233", "Policy holder name");
    }

    @Test
    void markupIsPrintedAsWrittenNeverInterpreted() {
        FormDefinition form = form("intake", "intake-registration-review");
        ObjectNode data = (ObjectNode) parse("{informationConfirmed: true}");
        data.put("reviewNotes", "<script>alert(1)</script> <b>not bold</b> &amp; <img src=x onerror=alert(2)>");

        PdfText pdf = render(form, data);

        assertThat(pdf.flat()).contains(
                "<script>alert(1)</script> <b>not bold</b> &amp; <img src=x onerror=alert(2)>");
    }

    @Test
    void aLongTextareaFlowsOverPagesWithoutLosingAWord() {
        FormDefinition form = form("intake", "intake-registration-review");
        String[] vocabulary = {"dyspnea", "orthopnea", "edema", "palpitations", "syncope", "claudication",
                "angina", "diaphoresis", "nocturia", "fatigue", "presyncope", "tachycardia"};
        List<String> words = new ArrayList<>();
        StringBuilder notes = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            String word = vocabulary[(i * 7 + i / 13) % vocabulary.length];
            words.add(word);
            notes.append(word).append(i % 97 == 96 ? "\n\n" : i % 11 == 10 ? ", " : " ");
        }
        ObjectNode data = (ObjectNode) parse("{informationConfirmed: true}");
        data.put("reviewNotes", notes.toString());

        PdfText pdf = render(form, data);

        assertThat(pdf.pageCount()).isGreaterThanOrEqualTo(5);
        Pattern vocabularyWord = Pattern.compile("\\b(" + String.join("|", vocabulary) + ")\\b");
        List<String> printed = new ArrayList<>();
        Matcher m = vocabularyWord.matcher(pdf.flat());
        while (m.find()) {
            printed.add(m.group());
        }
        assertThat(printed).hasSize(5000).isEqualTo(words);
        for (int page = 2; page <= pdf.pageCount(); page++) {
            assertThat(pdf.page(page)).contains("Notes for the front desk (continued)");
        }
    }

    @Test
    void everyPageSaysPageNOfMAndCarriesTheRunningHeader() {
        FormDefinition form = form("referral", "referral-inbound");

        PdfText pdf = render(form, cleaned(form, RealisticSubmissions.THREE_PAGE_REFERRAL));

        assertThat(pdf.pageCount()).isEqualTo(3);
        for (int page = 1; page <= 3; page++) {
            assertThat(pdf.page(page))
                    .startsWith("Health CRM · " + form.title() + " INTAKE-2025-000417")
                    .endsWith("Page " + page + " of 3");
        }
        // the table's header row is never alone at the foot of a page
        assertThat(pdf.flat()).containsSubsequence("Diagnoses", "ICD-10 code Description", "I20.9", "M54.50");
    }

    @Test
    void fontsAreEmbeddedOnEveryPage() {
        FormDefinition form = form("referral", "referral-inbound");

        PdfText pdf = render(form, cleaned(form, RealisticSubmissions.THREE_PAGE_REFERRAL));

        for (List<PDFont> fonts : pdf.fonts()) {
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("LiberationSans");
            });
        }
    }

    @Test
    void charactersTheFontLacksAreMarkedNotFatal() {
        FormDefinition form = form("intake", "intake-demographics");
        ObjectNode data = cleaned(form, RealisticSubmissions.DEMOGRAPHICS);
        data.put("givenName", "Zoë 😀");
        data.put("familyName", "王芳");
        // decomposed: Z o e + combining diaeresis, as some keyboards send it
        data.put("genderIdentity", "Zoe\u0308");

        PdfText pdf = render(form, data);

        assertThat(pdf.lines()).contains("Given name Zoë ?", "Family name ??", "Gender identity Zoë");
    }

    @Test
    void theSameSubmissionGivesTheSameBytesAndHash() {
        FormDefinition form = form("consent", "intake-consents");
        ObjectNode data = cleaned(form, RealisticSubmissions.CONSENTS);

        byte[] first = submissionPdf.render(form, data, info(form.key()));
        byte[] second = submissionPdf.render(form, data, info(form.key()));

        assertThat(second).isEqualTo(first);
        assertThat(DocumentHash.sha256Hex(second)).isEqualTo(DocumentHash.sha256Hex(first));
        assertThat(new String(first, 0, 8, StandardCharsets.US_ASCII)).startsWith("%PDF-");
    }

    @Test
    void springConfiguresPaperSizeAndTimeZoneFromProperties() {
        FormDefinition form = form("intake", "intake-demographics");
        PdfText pdf;
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("application", Map.of(
                    "healthcrm.documents.paper-size", "a4", "healthcrm.documents.time-zone", "Europe/Berlin")));
            context.register(SubmissionPdf.class);
            context.refresh();
            pdf = PdfText.of(context.getBean(SubmissionPdf.class)
                    .render(form, cleaned(form, RealisticSubmissions.DEMOGRAPHICS), info(form.key())));
        }

        assertThat(pdf.pageWidth()).isCloseTo(595.28f, within(0.5f));
        assertThat(pdf.pageHeight()).isCloseTo(841.89f, within(0.5f));
        assertThat(pdf.flat()).contains("Submitted at 2025-06-15T13:40:00Z (2025-06-15 15:40:00 CEST, Europe/Berlin)");
    }

    @Test
    void wrongSettingsSayWhatIsExpected() {
        assertThatThrownBy(() -> new SubmissionPdf("legal", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use letter or a4");
        assertThatThrownBy(() -> new SubmissionPdf("letter", "Eastern"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("healthcrm.documents.time-zone 'Eastern' is not a time zone");
    }
}
