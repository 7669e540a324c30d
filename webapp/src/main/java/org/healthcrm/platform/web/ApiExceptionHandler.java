package org.healthcrm.platform.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.healthcrm.platform.InvalidInputException;
import org.healthcrm.platform.NotFoundException;
import org.healthcrm.workflow.FormSubmissionException;
import org.healthcrm.workflow.TaskConflictException;
import org.healthcrm.workflow.WorkflowAccessDeniedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every API error as application/problem+json: the status, a clear detail, the request id. */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Problems problems;

    public ApiExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(FormSubmissionException.class)
    ResponseEntity<ProblemDetail> formInvalid(FormSubmissionException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.errors().stream()
                .map(error -> Map.of("path", error.path(), "message", error.message(), "rule", error.rule()))
                .toList();
        return respond(problems.invalid(e.getMessage(), errors, request));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e, HttpServletRequest request) {
        return respond(problems.invalid(e.getMessage(),
                List.of(Map.of("path", e.field(), "message", e.getMessage(), "rule", "invalid")), request));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        return respond(problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), request));
    }

    @ExceptionHandler(TaskConflictException.class)
    ResponseEntity<ProblemDetail> conflict(TaskConflictException e, HttpServletRequest request) {
        return respond(problems.problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage(), request));
    }

    @ExceptionHandler({WorkflowAccessDeniedException.class, AccessDeniedException.class})
    ResponseEntity<ProblemDetail> forbidden(RuntimeException e, HttpServletRequest request) {
        String detail = e instanceof WorkflowAccessDeniedException ? e.getMessage() : "You may not do this";
        return respond(problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, request));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(problems.problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                "Parameter '" + e.getName() + "' has the wrong type", request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        // the detail stays in the log (with the request id), never in the response
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side. Quote request id " + RequestIdFilter.current(request)
                        + " when you report it.", request));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servletRequest = ((ServletWebRequest) request).getRequest();
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                "The request body is not valid JSON of the expected shape", servletRequest);
        return new ResponseEntity<>(problem, problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && request instanceof ServletWebRequest servletRequest) {
            problem.setProperty("requestId", RequestIdFilter.current(servletRequest.getRequest()));
            HttpHeaders merged = new HttpHeaders();
            merged.putAll(response.getHeaders());
            merged.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return new ResponseEntity<>(problem, merged, response.getStatusCode());
        }
        return response;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).headers(problemHeaders()).body(problem);
    }

    private static HttpHeaders problemHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return headers;
    }
}
