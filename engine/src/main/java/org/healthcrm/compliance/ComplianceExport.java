package org.healthcrm.compliance;

/**
 * An exported report.
 *
 * @param sha256        SHA-256 of {@code content}, the file itself (hex)
 * @param contentSha256 SHA-256 of the report's rows as CSV (hex): for a CSV the same as {@code sha256}; for a PDF
 *                      what its footer prints, so that a printed report can be checked against the CSV
 */
public record ComplianceExport(byte[] content, String mediaType, String fileName, String sha256,
                               String contentSha256, int rows) {
}
