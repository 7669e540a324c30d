package org.healthcrm.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.healthcrm.platform.InvalidInputException;
import org.healthcrm.platform.NotFoundException;
import org.healthcrm.platform.web.RequestIdFilter;
import org.healthcrm.workflow.WorkflowAccessDeniedException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Every error of the FHIR API as an OperationOutcome with the right status, before HAPI would log it or build its
 * own: our input problems 400/422 naming the element, {@link InvalidInputException} 422 with the FHIR path of the
 * field, not found 404, not allowed 403, anything unexpected 500 with the request id (the stack trace goes to our
 * log, never to the client). Messages come from our own code or name elements only, never submitted values; HAPI's
 * own 4xx keep their message (they are about the request's shape).
 */
@Component
@Interceptor
public class FhirErrorInterceptor {

    private static final Logger log = LoggerFactory.getLogger(FhirErrorInterceptor.class);

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException outgoing(RequestDetails request, Throwable error, HttpServletRequest servletRequest) {
        // HAPI wraps what a provider throws in an InternalErrorException: ours is its cause
        Throwable thrown = ours(error);
        BaseServerResponseException mapped;
        if (thrown instanceof FhirInputProblem problem) {
            mapped = problem.status() == 422 ? new UnprocessableEntityException(problem.getMessage())
                    : new InvalidRequestException(problem.getMessage());
            mapped.setOperationOutcome(outcome(problem.status() == 422 ? IssueType.INVALID : IssueType.STRUCTURE,
                    problem.getMessage(), problem.expression()));
        } else if (thrown instanceof InvalidInputException invalid) {
            mapped = new UnprocessableEntityException(invalid.getMessage());
            mapped.setOperationOutcome(outcome(IssueType.INVALID, invalid.getMessage(),
                    PatientMapping.expressionOf(invalid.field())));
        } else if (thrown instanceof NotFoundException notFound) {
            mapped = new ResourceNotFoundException(notFound.getMessage());
            mapped.setOperationOutcome(outcome(IssueType.NOTFOUND, notFound.getMessage(), null));
        } else if (thrown instanceof WorkflowAccessDeniedException || thrown instanceof AccessDeniedException) {
            String message = thrown instanceof WorkflowAccessDeniedException ? thrown.getMessage()
                    : "Your roles do not allow this";
            mapped = new ForbiddenOperationException(message);
            mapped.setOperationOutcome(outcome(IssueType.FORBIDDEN, message, null));
        } else if (thrown instanceof DataFormatException) {
            String message = "The request is not well-formed FHIR";
            mapped = new InvalidRequestException(message);
            mapped.setOperationOutcome(outcome(IssueType.STRUCTURE, message, null));
        } else if (thrown instanceof InvalidRequestException hapi && hapi.getMessage() != null
                && hapi.getMessage().startsWith("HAPI-0450")) {
            // HAPI's own parse error quotes the body; FhirInputInterceptor normally refuses such bodies first
            String message = "The request body is not a well-formed FHIR resource";
            mapped = new InvalidRequestException(message);
            mapped.setOperationOutcome(outcome(IssueType.STRUCTURE, message, null));
        } else if (thrown instanceof BaseServerResponseException hapi && hapi.getStatusCode() < 500) {
            mapped = hapi;
            if (mapped.getOperationOutcome() == null) {
                mapped.setOperationOutcome(outcome(issueType(hapi.getStatusCode()), hapi.getMessage(), null));
            }
        } else {
            String requestId = RequestIdFilter.current(servletRequest);
            // our exceptions carry ids, never values; the path has no query string (search values stay out)
            log.error("FHIR API: unexpected error on {} {}", servletRequest.getMethod(), servletRequest.getRequestURI(),
                    error);
            String message = "Something went wrong on our side. Quote request id " + requestId + " when you report it.";
            mapped = new InternalErrorException(message);
            mapped.setOperationOutcome(outcome(IssueType.EXCEPTION, message, null));
        }
        return mapped;
    }

    private static Throwable ours(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof FhirInputProblem || cause instanceof InvalidInputException
                    || cause instanceof NotFoundException || cause instanceof WorkflowAccessDeniedException
                    || cause instanceof AccessDeniedException) {
                return cause;
            }
        }
        return error;
    }

    private static IssueType issueType(int status) {
        return switch (status) {
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404, 410 -> IssueType.NOTFOUND;
            case 405 -> IssueType.NOTSUPPORTED;
            case 409, 412 -> IssueType.CONFLICT;
            case 422 -> IssueType.INVALID;
            default -> IssueType.PROCESSING;
        };
    }

    /**
     * Answers with an OperationOutcome straight away, for our hooks that stop a request before a provider runs (an
     * exception thrown from a hook would be logged by HAPI as an error with its stack trace).
     */
    static void respond(RequestDetails request, HttpServletResponse response, int status, OperationOutcome outcome)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/fhir+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(request.getFhirContext().newJsonParser().encodeResourceToString(outcome));
    }

    static OperationOutcome outcome(IssueType type, String message, String expression) {
        OperationOutcome outcome = new OperationOutcome();
        var issue = outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type)
                .setDiagnostics(message);
        if (expression != null) {
            issue.addExpression(expression);
        }
        return outcome;
    }
}
