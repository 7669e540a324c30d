package org.healthcrm.platform.crypto;

import java.time.LocalDate;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.springframework.stereotype.Component;

/**
 * Stores a date attribute (a birth date) as its ISO form (2001-02-03) encrypted with {@link FieldCipher}:
 * {@code @Convert(converter = EncryptedLocalDate.class)} on a {@code varchar(64)} column (the stored form has
 * 9 + 4&#x2308;(28 + 10) / 3&#x2309; = 61 characters). Null stays null. The column cannot be compared or sorted:
 * store {@link SearchHash#birthDate} next to it for lookups.
 */
@Component
@Converter(autoApply = false)
public class EncryptedLocalDate implements AttributeConverter<LocalDate, String> {

    private final FieldCipher cipher;

    public EncryptedLocalDate(FieldCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String convertToDatabaseColumn(LocalDate attribute) {
        return attribute == null ? null : cipher.encrypt(attribute.toString());
    }

    @Override
    public LocalDate convertToEntityAttribute(String column) {
        return column == null ? null : LocalDate.parse(cipher.decrypt(column));
    }
}
