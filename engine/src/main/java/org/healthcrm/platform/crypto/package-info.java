/**
 * Encryption at rest of identifying and clinical columns. An entity marks such a column with
 * {@code @Convert(converter = EncryptedString.class)} ({@link org.healthcrm.platform.crypto.EncryptedLocalDate},
 * {@link org.healthcrm.platform.crypto.EncryptedBytes}), which encrypts it with AES-256-GCM
 * ({@link org.healthcrm.platform.crypto.FieldCipher}) under the key of {@code healthcrm.encryption}
 * ({@link org.healthcrm.platform.crypto.FieldKeys}). Columns that must be searched get a second column holding a
 * keyed hash of the normalized value ({@link org.healthcrm.platform.crypto.SearchHash}). docs/operations.md,
 * "Encryption at rest", covers the settings, key backup and rotation.
 */
package org.healthcrm.platform.crypto;
