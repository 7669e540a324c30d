package org.healthcrm.operations.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.healthcrm.operations.IncidentPage;
import org.healthcrm.operations.IncidentRetry;
import org.healthcrm.operations.Incidents;
import org.healthcrm.operations.OpenIncident;
import org.healthcrm.platform.InvalidInputException;
import org.healthcrm.security.web.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/incidents", produces = "application/json")
@Tag(name = "Incidents", description = "Failed jobs waiting for an administrator, and their retry (ADMIN)")
public class IncidentApiController {

    private final Incidents incidents;

    public IncidentApiController(Incidents incidents) {
        this.incidents = incidents;
    }

    @GetMapping
    @Operation(summary = "Open incidents, newest first, one page at a time; failures are summarized without patient data")
    public IncidentListResponse list(@RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "Page must not be negative");
        }
        if (size < 1 || size > Incidents.MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "Size must be between 1 and " + Incidents.MAX_PAGE_SIZE);
        }
        long first = (long) page * size;
        if (first > Integer.MAX_VALUE) {
            throw new InvalidInputException("page", "Page is too large");
        }
        IncidentPage result = incidents.list(CurrentActor.get(), (int) first, size);
        return new IncidentListResponse(result.items(), page, size, result.total());
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Give the incident's failed job one more try, now: 202, the job executor runs it within "
            + "seconds; a new incident if it fails again. 404 when the incident is not open (any more)")
    public ResponseEntity<IncidentRetry> retry(@PathVariable String id) {
        return ResponseEntity.accepted().body(incidents.retry(CurrentActor.get(), id));
    }

    public record IncidentListResponse(List<OpenIncident> items, int page, int size, long total) {
    }
}
