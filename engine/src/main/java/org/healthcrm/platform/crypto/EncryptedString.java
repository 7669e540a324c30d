package org.healthcrm.platform.crypto;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.springframework.stereotype.Component;

/**
 * Stores a text attribute encrypted with {@link FieldCipher}: {@code @Convert(converter = EncryptedString.class)}.
 * Null stays null. The column cannot be searched, sorted or indexed by its content: store a {@link SearchHash} next
 * to it for lookups.
 * <p>
 * Size the column for the stored form, {@code <8-char key id>:<base64 of 12 + n + 16 bytes>}, that is
 * 9 + 4&#x2308;(28 + n) / 3&#x2309; characters for n bytes of UTF-8 plain text (1 byte per ASCII character, up to 4
 * for others). Up to 100 characters of any script (n &le; 400): {@code varchar(600)}; up to 100 ASCII characters:
 * {@code varchar(200)}; longer text: {@code text}.
 * <p>
 * Hibernate obtains converters from Spring, which injects the cipher.
 */
@Component
@Converter(autoApply = false)
public class EncryptedString implements AttributeConverter<String, String> {

    private final FieldCipher cipher;

    public EncryptedString(FieldCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String convertToDatabaseColumn(String attribute) {
        return cipher.encrypt(attribute);
    }

    @Override
    public String convertToEntityAttribute(String column) {
        return cipher.decrypt(column);
    }
}
