package org.healthcrm.documents.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.healthcrm.documents.Document;
import org.healthcrm.documents.DocumentStore;
import org.healthcrm.security.web.CurrentActor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/documents")
@Tag(name = "Documents", description = "Generated documents (PDF) with the SHA-256 of their bytes")
public class DocumentApiController {

    private final DocumentStore documents;

    public DocumentApiController(DocumentStore documents) {
        this.documents = documents;
    }

    @GetMapping("/{id}")
    @Operation(summary = "The document's bytes; the X-Content-SHA256 header carries the stored hash")
    public ResponseEntity<byte[]> get(@PathVariable long id) {
        Document document = documents.read(CurrentActor.get(), id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.getMediaType()))
                .header("X-Content-SHA256", document.getSha256())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("document-" + document.getId() + ".pdf").build().toString())
                .body(document.getContent());
    }
}
