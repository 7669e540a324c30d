package org.healthcrm.fhir;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Our FHIR R4 API: a HAPI FHIR plain server at {@code /fhir/*} with Patient, Consent, DocumentReference, Binary and
 * AuditEvent.
 * It sits behind the API security chain (HTTP Basic, stateless, roles in SecurityConfiguration); the access
 * interceptor decides per operation and the error interceptor turns every failure into an OperationOutcome.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class FhirApiConfiguration {

    /** One FHIR R4 context for the JVM (HAPI's cached one: building a context is expensive). */
    static final FhirContext CONTEXT = FhirContext.forR4Cached();

    @Bean
    ServletRegistrationBean<RestfulServer> fhirApiServlet(PatientResourceProvider patients,
                                                          ConsentResourceProvider consents,
                                                          DocumentReferenceResourceProvider documentReferences,
                                                          BinaryResourceProvider binaries,
                                                          AuditEventResourceProvider auditEvents,
                                                          FhirAccessInterceptor access, FhirInputInterceptor input,
                                                          FhirErrorInterceptor errors) {
        RestfulServer server = new RestfulServer(CONTEXT);
        server.setServerName("Health CRM FHIR API");
        server.setResourceProviders(List.of(patients, consents, documentReferences, binaries, auditEvents));
        server.setDefaultResponseEncoding(EncodingEnum.JSON);
        server.registerInterceptor(errors);
        server.registerInterceptor(access);
        server.registerInterceptor(input);
        ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
        registration.setName("fhirApi");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
