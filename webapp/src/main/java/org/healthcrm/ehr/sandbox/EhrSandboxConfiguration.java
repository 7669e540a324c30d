package org.healthcrm.ehr.sandbox;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.RestfulServer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Serves the {@link EhrSandbox} at {@code /ehr-sandbox/fhir/*} when {@code healthcrm.ehr.sandbox.enabled=true} (the
 * demo profile, and so the integration tests). Behind the API security chain: HTTP Basic, role INTEGRATION.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "healthcrm.ehr.sandbox.enabled", havingValue = "true")
public class EhrSandboxConfiguration {

    @Bean
    EhrSandbox ehrSandbox() {
        return new EhrSandbox();
    }

    @Bean
    ServletRegistrationBean<RestfulServer> ehrSandboxServlet(EhrSandbox sandbox) {
        ServletRegistrationBean<RestfulServer> registration =
                new ServletRegistrationBean<>(sandbox.server(FhirContext.forR4Cached()), "/ehr-sandbox/fhir/*");
        registration.setName("ehrSandbox");
        return registration;
    }
}
