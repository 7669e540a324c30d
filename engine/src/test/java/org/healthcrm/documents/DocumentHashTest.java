package org.healthcrm.documents;

import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentHashTest {

    @Test
    void isTheSha256OfThePdfBytesInLowerCaseHex() throws Exception {
        byte[] pdf = new PdfLayout(PageFormat.LETTER).title("Consent to treatment").render();

        String hash = DocumentHash.sha256Hex(pdf);

        assertThat(hash).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)))
                .matches("[0-9a-f]{64}");
        assertThat(DocumentHash.sha256Hex(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
