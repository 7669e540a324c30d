package org.healthcrm.platform.crypto;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.springframework.stereotype.Component;

/**
 * Stores a binary attribute (such as the bytes of a PDF) encrypted with {@link FieldCipher}:
 * {@code @Convert(converter = EncryptedBytes.class)} on a {@code longblob} column. The stored value is 37 bytes longer
 * than the plain one (version, key id, IV and tag). Null stays null.
 */
@Component
@Converter(autoApply = false)
public class EncryptedBytes implements AttributeConverter<byte[], byte[]> {

    private final FieldCipher cipher;

    public EncryptedBytes(FieldCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public byte[] convertToDatabaseColumn(byte[] attribute) {
        return cipher.encrypt(attribute);
    }

    @Override
    public byte[] convertToEntityAttribute(byte[] column) {
        return cipher.decrypt(column);
    }
}
