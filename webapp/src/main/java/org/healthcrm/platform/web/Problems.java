package org.healthcrm.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds RFC 9457 problem details the same way for controllers and for the security filters: a type, a title, a
 * detail that a person can act on, the request id, and for invalid input the list of field errors. Never a stack
 * trace, never a submitted value.
 */
@Component
public class Problems {

    public static final String TYPE_BASE = "https://healthcrm.org/problems/";

    private final ObjectMapper objectMapper;

    public Problems(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public ProblemDetail problem(HttpStatus status, String type, String title, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        if (request != null) {
            problem.setInstance(URI.create(request.getRequestURI()));
            problem.setProperty("requestId", RequestIdFilter.current(request));
        }
        return problem;
    }

    public ProblemDetail invalid(String detail, List<Map<String, String>> errors, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "validation", "Invalid input", detail, request);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** FHIR paths ({@code /fhir/**}, {@code /ehr-sandbox/**}) answer errors as OperationOutcome, not problem+json. */
    public static boolean isFhir(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/fhir/") || path.equals("/fhir") || path.startsWith("/ehr-sandbox/");
    }

    /**
     * Writes a FHIR OperationOutcome with one error issue straight to the response, for the security filters in
     * front of the FHIR servers. The request id is in the diagnostics.
     *
     * @param issueType a code of the FHIR issue-type value set (security, login, forbidden, throttled, ...)
     */
    public void writeOperationOutcome(HttpServletResponse response, HttpStatus status, String issueType,
                                      String diagnostics, HttpServletRequest request) throws IOException {
        Map<String, Object> issue = new java.util.LinkedHashMap<>();
        issue.put("severity", "error");
        issue.put("code", issueType);
        issue.put("diagnostics", diagnostics + " (request id " + RequestIdFilter.current(request) + ")");
        Map<String, Object> outcome = new java.util.LinkedHashMap<>();
        outcome.put("resourceType", "OperationOutcome");
        outcome.put("issue", List.of(issue));
        response.setStatus(status.value());
        response.setContentType("application/fhir+json");
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), outcome);
    }

    /** Writes a problem straight to the response, for filters that run before Spring MVC. */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
