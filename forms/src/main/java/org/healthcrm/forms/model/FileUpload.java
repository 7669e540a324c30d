package org.healthcrm.forms.model;

import java.util.List;

/**
 * Form.io's {@code file}: a list of file metadata objects (name, size, type, url...). The content is uploaded to
 * storage; a submission never carries it.
 *
 * @param multiple     more than one file allowed
 * @param storage      Form.io's {@code storage} setting (e.g. "url")
 * @param filePatterns accepted names or types: ".pdf", "image/*", "*"; empty means any
 * @param minSize      smallest size in bytes, 0 when not set
 * @param maxSize      largest size in bytes, 0 when not set
 */
public record FileUpload(Common common, Validation validation, boolean multiple, String storage,
                         List<String> filePatterns, long minSize, long maxSize) implements Field {
}
