package org.healthcrm.documents;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The layout engine every document of the product uses, read back with PDFBox. */
class PdfLayoutTest {

    @Test
    void aReaderShowsTheTitleAndTheCreationInstant() throws IOException {
        try (PDDocument document = Loader.loadPDF(named("Ada Quinn"))) {
            var info = document.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("Referral letter");
            assertThat(info.getCreator()).isEqualTo("Health CRM");
            assertThat(info.getCreationDate().toInstant()).isEqualTo(Instant.parse("2025-06-15T13:40:00Z"));
            assertThat(info.getCOSObject().getString(org.apache.pdfbox.cos.COSName.CREATION_DATE))
                    .isEqualTo("D:20250615134000+00'00'");
        }
    }

    @Test
    void aTableRepeatsItsHeaderRowOnEveryPageAndKeepsEveryRow() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            rows.add(List.of("2025-06-" + String.format("%02d", i % 28 + 1) + " 09:" + String.format("%02d", i % 60),
                    "nurse.kim", "Viewed the intake packet of patient " + i, "ACCESS-" + i));
        }

        PdfText pdf = PdfText.of(new PdfLayout(PageFormat.A4)
                .runningHeader("Health CRM · Access report", "June 2025")
                .title("Access report")
                .table(List.of("When", "Who", "What", "Reference"), rows)
                .render());

        assertThat(pdf.pageCount()).isGreaterThanOrEqualTo(3);
        for (int page = 1; page <= pdf.pageCount(); page++) {
            assertThat(pdf.page(page)).contains("When Who What Reference")
                    .startsWith("Health CRM · Access report June 2025")
                    .endsWith("Page " + page + " of " + pdf.pageCount());
        }
        List<String> printed = pdf.lines().stream().filter(line -> line.contains("ACCESS-")).toList();
        assertThat(printed).hasSize(150);
        assertThat(printed.get(149)).endsWith("Viewed the intake packet of patient 150 ACCESS-150");
    }

    @Test
    void aLandscapePageIsWiderThanHighAndItsFooterNoteShowsWhole() {
        String sha = "3f5a0c9e1b7d2468ace13579bdf02468ace13579bdf02468ace13579bdf02468";

        PdfText pdf = PdfText.of(new PdfLayout(PageFormat.LETTER.inLandscape())
                .footerNote("Content SHA-256 " + sha)
                .table(List.of("When", "Who", "What"), List.of(List.of("2025-06-01T09:00:00Z", "nurse.kim", "Read")))
                .render());

        assertThat(pdf.pageWidth()).isEqualTo(792f);
        assertThat(pdf.pageHeight()).isEqualTo(612f);
        assertThat(pdf.page(1)).contains("Content SHA-256 " + sha).endsWith("Page 1 of 1");
    }

    @Test
    void aNarrowColumnKeepsItsWordsWholeAndALongIdentifierBreaksAtItsSeparators() {
        String requestId = "3f5a0c9e-1b7d-4468-ace1-3579bdf02468";
        List<List<String>> rows = List.of(List.of("2025-06-01 09:00:00Z", "frontdesk", "CONSENT_GRANT", "HC1000001",
                "Consent 5", "SUCCESS", "127.0.0.1", requestId, "", "RELEASE_OF_INFORMATION"));

        PdfText pdf = PdfText.of(new PdfLayout(PageFormat.LETTER.inLandscape())
                .table(List.of("Time (UTC)", "User", "Action", "Patient (MRN)", "Object", "Outcome", "Client address",
                        "Request id", "Reason", "Detail"), rows)
                .render());

        assertThat(pdf.flat()).contains("CONSENT_GRANT", "HC1000001", "frontdesk", "127.0.0.1");
        // the id does not fit its column: its pieces end at its hyphens
        List<String> pieces = pdf.lines().stream().flatMap(line -> java.util.Arrays.stream(line.split(" ")))
                .filter(token -> token.length() >= 4 && requestId.contains(token)).toList();
        assertThat(pieces).hasSizeGreaterThan(1).allMatch(piece -> piece.endsWith("-") || requestId.endsWith(piece));
        assertThat(String.join("", pieces)).isEqualTo(requestId);
    }

    @Test
    void aCellTallerThanAPageIsSplitWithoutLosingText() {
        StringBuilder longCell = new StringBuilder();
        for (int i = 1; i <= 2500; i++) {
            longCell.append("item").append(i).append(' ');
        }

        PdfText pdf = PdfText.of(new PdfLayout(PageFormat.LETTER)
                .table(List.of("Code", "Details"), List.of(List.of("X1", longCell.toString()), List.of("X2", "end")))
                .render());

        assertThat(pdf.pageCount()).isGreaterThanOrEqualTo(2);
        for (int i = 1; i <= 2500; i++) {
            assertThat(pdf.flat()).contains(" item" + i + " ");
        }
        assertThat(pdf.page(pdf.pageCount())).contains("Code Details");
    }

    @Test
    void aWordWiderThanTheLineIsBrokenNotCut() {
        String token = "eyJhbGciOiJSUzI1NiJ9" + "A".repeat(400) + "Z";

        PdfText pdf = PdfText.of(new PdfLayout(PageFormat.LETTER).keyValue("Token", token).render());

        assertThat(pdf.flat().replace(" ", "")).contains(token);
    }

    @Test
    void lineBreaksInAValueAreKept() {
        PdfText pdf = PdfText.of(new PdfLayout(PageFormat.LETTER)
                .keyValue("Address", "12 Elm Street\nApt 4\r\nBoston, MA 02118")
                .paragraph("First line\n\nThird line")
                .render());

        assertThat(pdf.lines()).containsSubsequence("Address 12 Elm Street", "Apt 4", "Boston, MA 02118",
                "First line", "Third line");
    }

    @Test
    void headingsAndMetadataAppearInOrder() {
        PdfText pdf = PdfText.of(new PdfLayout(PageFormat.LETTER)
                .title("Referral letter")
                .metadata("Written by", "Dr. Łukasz Żółć")
                .metadataLine("Generated by Health CRM")
                .heading("Patient")
                .subheading("Contact")
                .keyValue("Name", "José Núñez")
                .paragraph("Dear colleague, thank you for seeing this patient.")
                .render());

        assertThat(pdf.lines()).containsSubsequence("Referral letter", "Written by Dr. Łukasz Żółć",
                "Generated by Health CRM", "Patient", "Contact", "Name José Núñez",
                "Dear colleague, thank you for seeing this patient.", "Page 1 of 1");
    }

    @Test
    void anImageIsShrunkToItsBoxKeepingItsProportions() {
        byte[] photo = RealisticSubmissions.png(picture(2000, 1000));

        PdfText pdf = PdfText.of(new PdfLayout(PageFormat.LETTER)
                .image(photo, 200, 150, "[photo could not be displayed]")
                .keyImage("Small", RealisticSubmissions.png(picture(40, 20)), 200, 150, "[unreadable]")
                .render());

        assertThat(pdf.images().get(0)).hasSize(2);
        PdfText.ImageOnPage large = pdf.images().get(0).get(0);
        assertThat(large.width()).isCloseTo(200, within(0.5f));
        assertThat(large.height()).isCloseTo(100, within(0.5f));
        // never enlarged: 40 x 20 pixels are 30 x 15 points at 96 pixels per inch
        PdfText.ImageOnPage small = pdf.images().get(0).get(1);
        assertThat(small.width()).isCloseTo(30, within(0.5f));
        assertThat(small.height()).isCloseTo(15, within(0.5f));
    }

    @Test
    void transparentInkIsPutOnWhitePaperKeepingItsColour() {
        byte[] blackInk = RealisticSubmissions.signaturePng();
        byte[] blueInk = RealisticSubmissions.png(ink(new Color(20, 40, 200)));

        PdfText pdf = PdfText.of(new PdfLayout(PageFormat.LETTER)
                .keyImage("Patient signature", blackInk, 240, 90, "[unreadable]")
                .keyImage("Witness signature", blueInk, 240, 90, "[unreadable]")
                .render());

        PdfText.ImageOnPage black = pdf.images().get(0).get(0);
        PdfText.ImageOnPage blue = pdf.images().get(0).get(1);
        assertThat(black.colorSpace()).isEqualTo("DeviceGray");
        assertThat(blue.colorSpace()).isEqualTo("DeviceRGB");
        assertThat(black.masked()).isFalse();
        assertThat(blue.masked()).isFalse();
        // the canvas is white paper, the stroke keeps its colour
        assertThat(black.pixels().getRGB(5, 5) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(blue.pixels().getRGB(5, 5) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(blue.pixels().getRGB(100, 75) & 0xFFFFFF).isEqualTo(0x1428C8);
        assertThat(pdf.lines()).containsSubsequence("Patient signature", "Witness signature");
    }

    @Test
    void bytesThatAreNoImageShowTheirReplacementText() {
        byte[] hugeClaim = RealisticSubmissions.png(picture(10, 10));
        // the header now claims 100,000 x 100,000 pixels: refused before any decoding
        hugeClaim[16] = 0;
        hugeClaim[17] = 1;
        hugeClaim[18] = (byte) 0x86;
        hugeClaim[19] = (byte) 0xA0;
        hugeClaim[20] = 0;
        hugeClaim[21] = 1;
        hugeClaim[22] = (byte) 0x86;
        hugeClaim[23] = (byte) 0xA0;

        PdfText pdf = PdfText.of(new PdfLayout(PageFormat.LETTER)
                .image("GIF89a not supported".getBytes(), 100, 100, "[image one could not be displayed]")
                .keyImage("Scan", new byte[0], 100, 100, "[image two could not be displayed]")
                .image(hugeClaim, 100, 100, "[image three could not be displayed]")
                .render());

        assertThat(pdf.imageCount()).isZero();
        assertThat(pdf.lines()).containsSubsequence("[image one could not be displayed]",
                "Scan [image two could not be displayed]", "[image three could not be displayed]");
    }

    @Test
    void markupAndControlCharactersArePrintedAsText() {
        PdfText pdf = PdfText.of(new PdfLayout(PageFormat.LETTER)
                .keyValue("Note", "<script>alert(1)</script>\u0007<i>x</i>\tend")
                .render());

        assertThat(pdf.lines()).contains("Note <script>alert(1)</script><i>x</i> end");
    }

    @Test
    void runningTextsTooLongForOneLineAreShortened() {
        PdfText pdf = PdfText.of(new PdfLayout(PageFormat.LETTER)
                .runningHeader("Health CRM · " + "Very long form title ".repeat(20), "KEY-1")
                .footerNote("x".repeat(500))
                .paragraph("Body")
                .render());

        assertThat(pdf.page(1)).contains("… KEY-1").contains("…").endsWith("Page 1 of 1");
    }

    @Test
    void theSameContentGivesTheSameBytes() {
        byte[] photo = RealisticSubmissions.png(picture(300, 200));
        byte[] first = letter(photo);
        byte[] second = letter(photo);

        assertThat(second).isEqualTo(first);
        assertThat(letter(RealisticSubmissions.png(picture(301, 200)))).isNotEqualTo(first);
    }

    @Test
    void documentsWrittenAtTheSameTimeComeOutAsEachAloneAndHoldTheirOwnText() throws Exception {
        List<String> names = List.of("Åsa Öberg", "Zoë Ødegaard", "Łukasz Żółw", "Niamh Ó Súilleabháin", "Chloé Dœuf",
                "Dvořák Antonín", "Ĳsbrand Ŧest", "Ana María Ñúñez");
        List<byte[]> alone = names.stream().map(PdfLayoutTest::named).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                List<java.util.concurrent.Future<byte[]>> together = new ArrayList<>();
                for (String name : names) {
                    together.add(pool.submit(() -> named(name)));
                }
                for (int i = 0; i < names.size(); i++) {
                    assertThat(together.get(i).get()).as(names.get(i)).isEqualTo(alone.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(PdfText.of(alone.get(2)).flat()).contains("Łukasz Żółw");
    }

    @Test
    void greekAndCyrillicNamesAreDrawnAsWrittenWhereverTheyStandInTheDocument() {
        // the fonts' cut for common characters has Latin only: a Greek or Cyrillic name in the last row of a table
        // still makes the document embed from the whole font
        byte[] pdf = new PdfLayout(PageFormat.LETTER)
                .title("Emergency contacts")
                .keyValue("Patient", "José Núñez")
                .table(List.of("Name", "Relation"), List.of(List.of("Zoë Ångström", "Partner"),
                        List.of("Σοφία Παπαδοπούλου", "Sister"), List.of("Дмитрий Иванов", "Brother")))
                .render();

        assertThat(PdfText.of(pdf).flat()).contains("José Núñez").contains("Zoë Ångström")
                .contains("Σοφία Παπαδοπούλου").contains("Дмитрий Иванов");
    }

    @Test
    void textInCommonCharactersIsDrawnFromTheSmallerCutOfTheFonts() {
        assertThat(FontFace.inCommonCut("Łukasz Żółć, Chloé Dœuf – “Ĳsbrand” … Page 3 of 4 · €12 № 5")).isTrue();
        // characters the fonts lack are drawn as "?", control characters dropped: neither needs the whole font
        assertThat(FontFace.inCommonCut("Ada 😀 李 \u0007")).isTrue();
        assertThat(FontFace.inCommonCut("Σοφία")).isFalse();
        assertThat(FontFace.inCommonCut("Дмитрий")).isFalse();

        assertThat(PdfText.of(named("Łukasz Żółć")).flat()).contains("Referral letter for Łukasz Żółć");

        // the document decides from all of its text, the last table row included
        PdfLayout latin = new PdfLayout(PageFormat.LETTER).title("Contacts").keyValue("Patient", "Zoë Ångström 😀")
                .table(List.of("Name"), List.of(List.of("José Núñez")));
        assertThat(latin.fontCut()).isEqualTo(FontFace.Cut.COMMON);
        assertThat(latin.table(List.of("Name"), List.of(List.of("Σοφία"))).fontCut()).isEqualTo(FontFace.Cut.FULL);
    }

    @Test
    void pageContentsAreCompressedForSpeed() throws IOException {
        byte[] bytes = new PdfLayout(PageFormat.LETTER).title("Intake packet").keyValue("Patient", "José Núñez").render();

        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            PDStream contents = pdf.getPage(0).getContentStreams().next();
            try (InputStream raw = contents.getCOSObject().createRawInputStream()) {
                // a zlib stream's header names how hard it was compressed: 78 01 at level 1, 78 9C at zlib's default
                assertThat(raw.readNBytes(2)).containsExactly(0x78, 0x01);
            }
        }
    }

    private static byte[] named(String name) {
        return new PdfLayout(PageFormat.LETTER)
                .documentInfo("Referral letter", Instant.parse("2025-06-15T13:40:00Z"))
                .title("Referral letter for " + name)
                .keyValue("Patient", name)
                .render();
    }

    private static byte[] letter(byte[] photo) {
        return new PdfLayout(PageFormat.LETTER)
                .documentInfo("Referral letter", Instant.parse("2025-06-15T13:40:00Z"))
                .title("Referral letter")
                .keyValue("Patient", "José Núñez")
                .image(photo, 100, 100, "[no photo]")
                .render();
    }

    /** A transparent 200 x 150 canvas with a solid bar of ink across its middle. */
    private static BufferedImage ink(Color color) {
        BufferedImage image = new BufferedImage(200, 150, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(20, 65, 160, 20);
        g.dispose();
        return image;
    }

    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(30, 90, 160));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }
}
