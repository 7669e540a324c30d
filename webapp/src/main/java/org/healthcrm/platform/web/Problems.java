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

    /** Writes a problem straight to the response, for filters that run before Spring MVC. */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
