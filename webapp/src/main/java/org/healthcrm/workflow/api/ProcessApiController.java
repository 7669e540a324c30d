package org.healthcrm.workflow.api;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.healthcrm.security.web.CurrentActor;
import org.healthcrm.workflow.ProcessLauncher;
import org.healthcrm.workflow.ProcessLauncher.StartableProcess;
import org.healthcrm.workflow.ProcessLauncher.StartedProcess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/processes", produces = "application/json")
@Tag(name = "Processes", description = "Starting the processes your roles may start")
public class ProcessApiController {

    private final ProcessLauncher launcher;

    public ProcessApiController(ProcessLauncher launcher) {
        this.launcher = launcher;
    }

    @GetMapping
    @Operation(summary = "The processes my roles may start")
    public List<StartableProcess> startable() {
        return launcher.startable(CurrentActor.get());
    }

    @PostMapping(path = "/{key}/instances", consumes = "application/json")
    @Operation(summary = "Start the latest version of a process: 201 with the instance id")
    public ResponseEntity<StartedProcess> start(@PathVariable String key, @RequestBody(required = false) StartRequest request) {
        StartRequest body = request == null ? new StartRequest(null, null) : request;
        ObjectNode data = body.data() == null ? JsonNodeFactory.instance.objectNode() : body.data();
        StartedProcess started = launcher.start(CurrentActor.get(), key, body.businessKey(), data);
        return ResponseEntity.created(URI.create("/api/processes/" + key + "/instances/" + started.id())).body(started);
    }

    public record StartRequest(String businessKey, ObjectNode data) {
    }
}
