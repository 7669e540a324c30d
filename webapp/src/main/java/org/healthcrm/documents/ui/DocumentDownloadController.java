package org.healthcrm.documents.ui;

import org.healthcrm.documents.Document;
import org.healthcrm.documents.DocumentStore;
import org.healthcrm.security.web.CurrentActor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Opens a stored PDF from the screens (signed-in session); the same roles and audit as the documents API. */
@Controller
public class DocumentDownloadController {

    private final DocumentStore documents;

    public DocumentDownloadController(DocumentStore documents) {
        this.documents = documents;
    }

    @GetMapping("/app/document")
    public ResponseEntity<byte[]> open(@RequestParam long id) {
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
