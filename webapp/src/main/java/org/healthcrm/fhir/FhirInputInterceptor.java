package org.healthcrm.fhir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import ca.uhn.fhir.rest.server.method.ResourceParameter;
import jakarta.servlet.http.HttpServletResponse;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.stereotype.Component;

/**
 * Checks the body of every create and update strictly ({@link FhirInput}) before HAPI parses it for the provider:
 * so malformed JSON, unknown elements, invalid codes and the wrong resource type are refused with our messages,
 * which never quote a submitted value (HAPI's own parse errors do). Runs after the access check.
 */
@Component
@Interceptor
public class FhirInputInterceptor {

    @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED, order = 20)
    public boolean check(RequestDetails request, HttpServletResponse response) throws IOException {
        RestOperationTypeEnum operation = request.getRestOperationType();
        if (operation != RestOperationTypeEnum.CREATE && operation != RestOperationTypeEnum.UPDATE) {
            return true;
        }
        FhirContext context = request.getFhirContext();
        String resourceName = request.getResourceName();
        if (resourceName == null || !context.getResourceTypes().contains(resourceName)) {
            return true;
        }
        Class<? extends IBaseResource> type = context.getResourceDefinition(resourceName).getImplementingClass();
        Charset charset = ResourceParameter.determineRequestCharset(request);
        byte[] body = request.loadRequestContents();
        try {
            FhirInput.parse(context, body == null ? null
                            : new String(body, charset == null ? StandardCharsets.UTF_8 : charset),
                    RestfulServerUtils.determineRequestEncodingNoDefault(request), type);
            return true;
        } catch (FhirInputProblem problem) {
            FhirErrorInterceptor.respond(request, response, problem.status(), FhirErrorInterceptor.outcome(
                    problem.status() == 422 ? IssueType.INVALID : IssueType.STRUCTURE, problem.getMessage(),
                    problem.expression()));
            return false;
        }
    }
}
