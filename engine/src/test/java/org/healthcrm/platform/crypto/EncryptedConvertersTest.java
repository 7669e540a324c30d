package org.healthcrm.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import jakarta.persistence.Converter;

import org.junit.jupiter.api.Test;

class EncryptedConvertersTest {

    private final FieldCipher cipher = TestKeys.cipher(TestKeys.randomKey());

    @Test
    void stringsAreStoredEncryptedAndReadBack() {
        EncryptedString converter = new EncryptedString(cipher);

        String column = converter.convertToDatabaseColumn("Łukasz Żółć");

        assertThat(column).startsWith(cipher.currentKeyId() + ":").doesNotContain("ukasz");
        assertThat(cipher.decrypt(column)).isEqualTo("Łukasz Żółć");
        assertThat(converter.convertToEntityAttribute(column)).isEqualTo("Łukasz Żółć");
        assertThat(converter.convertToDatabaseColumn(null)).isNull();
        assertThat(converter.convertToEntityAttribute(null)).isNull();
    }

    @Test
    void aHundredCharactersOfAnyScriptFitTheDocumentedColumnSizes() {
        EncryptedString converter = new EncryptedString(cipher);

        assertThat(converter.convertToDatabaseColumn("a".repeat(100))).hasSizeLessThanOrEqualTo(200);
        assertThat(converter.convertToDatabaseColumn("😀".repeat(100))).hasSizeLessThanOrEqualTo(600);
    }

    @Test
    void datesAreStoredAsEncryptedIsoTextThatFitsVarchar64() {
        EncryptedLocalDate converter = new EncryptedLocalDate(cipher);
        LocalDate birthDate = LocalDate.of(1984, 2, 29);

        String column = converter.convertToDatabaseColumn(birthDate);

        assertThat(column).hasSize(61).doesNotContain("1984-02-29");
        assertThat(cipher.decrypt(column)).isEqualTo("1984-02-29");
        assertThat(converter.convertToEntityAttribute(column)).isEqualTo(birthDate);
        assertThat(converter.convertToDatabaseColumn(null)).isNull();
        assertThat(converter.convertToEntityAttribute(null)).isNull();
    }

    @Test
    void bytesAreStoredEncryptedAndReadBack() {
        EncryptedBytes converter = new EncryptedBytes(cipher);
        byte[] pdf = "%PDF-1.7 consent of Zoë Ångström".getBytes(StandardCharsets.UTF_8);

        byte[] column = converter.convertToDatabaseColumn(pdf);

        assertThat(column).hasSize(pdf.length + 37);
        assertThat(new String(column, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
        assertThat(converter.convertToEntityAttribute(column)).isEqualTo(pdf);
        assertThat(converter.convertToDatabaseColumn(null)).isNull();
        assertThat(converter.convertToEntityAttribute(null)).isNull();
    }

    @Test
    void noConverterAppliesItselfToEveryAttributeOfItsType() {
        for (Class<?> type : new Class<?>[] {EncryptedString.class, EncryptedLocalDate.class, EncryptedBytes.class}) {
            assertThat(type.getAnnotation(Converter.class).autoApply()).as(type.getSimpleName()).isFalse();
        }
    }
}
