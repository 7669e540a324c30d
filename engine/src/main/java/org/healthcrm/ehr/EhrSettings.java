package org.healthcrm.ehr;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Settings of the EHR connection, {@code healthcrm.ehr.*}. The bean is named {@code ehrSettings}: the BPMN models read
 * {@code ${ehrSettings.retryCycle}} for the back-off of their EHR steps.
 */
@Component("ehrSettings")
@ConfigurationProperties("healthcrm.ehr")
public class EhrSettings {

    /**
     * FHIR R4 base URL of the EHR, such as https://ehr.example.org/fhir. Placeholders are resolved at each call, so
     * {@code http://localhost:${local.server.port}/ehr-sandbox/fhir} reaches the in-process sandbox on whatever port
     * the server got. Unset: every push fails (and is retried) until it is set.
     */
    private String baseUrl;
    /** HTTP Basic user for the EHR (leave empty for none). */
    private String username;
    /** HTTP Basic password for the EHR: pass it through the environment (HEALTHCRM_EHR_PASSWORD). */
    private String password;
    /**
     * Back-off of the EHR steps: the waits before each retry, in the engine's notation (ISO-8601 durations separated
     * by commas). After the last one an incident waits for an administrator.
     */
    private String retryCycle = "PT1M,PT5M,PT15M,PT1H,PT4H";
    /** Connect and read timeout of one EHR call. */
    private Duration timeout = Duration.ofSeconds(20);
    /** The identifier system of our MRNs in the EHR. */
    private String mrnSystem = "urn:oid:2.16.840.1.113883.3.9999.1";
    /**
     * The identifier system under which our coverages, documents and consents are named in the EHR
     * ({@code coverage-<id>}, {@code document-<id>}, {@code consent-<id>}): what a repeated push looks for so as not to
     * create them twice. Set it to a URI or OID of your organisation, like the MRN system.
     */
    private String recordSystem = "urn:oid:2.16.840.1.113883.3.9999.2";
    /** The in-process EHR sandbox, for demos and tests only. */
    private final Sandbox sandbox = new Sandbox();

    public String getBaseUrl() { return baseUrl; }
    public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getRetryCycle() { return retryCycle; }
    public void setRetryCycle(String retryCycle) { this.retryCycle = retryCycle; }
    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration timeout) { this.timeout = timeout; }
    public String getMrnSystem() { return mrnSystem; }
    public void setMrnSystem(String mrnSystem) { this.mrnSystem = mrnSystem; }
    public String getRecordSystem() { return recordSystem; }
    public void setRecordSystem(String recordSystem) { this.recordSystem = recordSystem; }
    public Sandbox getSandbox() { return sandbox; }

    /** {@code healthcrm.ehr.sandbox.*}: an in-memory FHIR server at /ehr-sandbox/fhir that stands in for the EHR. */
    public static class Sandbox {
        /** Serve the sandbox (role INTEGRATION). Never in production: it keeps what it receives in memory. */
        private boolean enabled;

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
    }
}
