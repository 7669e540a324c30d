package org.healthcrm.security.web;

import jakarta.servlet.http.HttpServletResponse;
import org.healthcrm.platform.web.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two doors. The API ({@code /api/**}, {@code /fhir/**}, {@code /ehr-sandbox/**}, {@code /actuator/**}): HTTP Basic
 * on every request, no session, no CSRF (no cookie authenticates it), problem+json for 401/403/429 (a FHIR
 * OperationOutcome under the FHIR paths). The FHIR API checks each operation's roles itself, within the roles named
 * here. The screens: form login, a session
 * cookie (HttpOnly, SameSite, new id at login, 15-minute idle timeout), CSRF on. Each URL group names its roles;
 * anything not named is denied.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
public class SecurityConfiguration {

    static final String[] TASK_ROLES = {"FRONT_DESK", "FRONT_DESK_SUPERVISOR", "NURSE", "ADMIN"};
    static final String[] PATIENT_ROLES = {"FRONT_DESK", "FRONT_DESK_SUPERVISOR", "NURSE", "ADMIN"};
    static final String[] PROCESS_START_ROLES = {"FRONT_DESK", "NURSE", "ADMIN", "INTEGRATION"};
    static final String[] DOCUMENT_ROLES = {"FRONT_DESK", "FRONT_DESK_SUPERVISOR", "NURSE", "COMPLIANCE", "ADMIN"};
    static final String[] SCREEN_ROLES = {"FRONT_DESK", "FRONT_DESK_SUPERVISOR", "NURSE", "ANALYST", "COMPLIANCE", "ADMIN"};
    /** Roles that may use the FHIR API at all; org.healthcrm.fhir.FhirAccessInterceptor decides per operation. */
    public static final String[] FHIR_ROLES = {"FRONT_DESK", "FRONT_DESK_SUPERVISOR", "NURSE", "COMPLIANCE", "ADMIN", "INTEGRATION"};

    /**
     * The one authentication manager of both doors. It publishes every outcome as an application event, which
     * {@link SignInAudit} writes to the audit trail; a refusal it has no event type for (a throttled sign-in) is
     * published as a failed sign-in with its exception.
     */
    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwordEncoder,
                                                LoginThrottle throttle, VerifiedPasswordCache verified,
                                                ApplicationEventPublisher publisher) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(passwordEncoder);
        ProviderManager manager = new ProviderManager(new ThrottledAuthenticationProvider(dao, throttle, verified));
        DefaultAuthenticationEventPublisher events = new DefaultAuthenticationEventPublisher(publisher);
        events.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    /** Knows every signed-in screen session, so that a changed account's sessions can be ended. */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager authenticationManager, Problems problems,
                                    SignInAudit signInAudit) throws Exception {
        AuthenticationEntryPoint entryPoint = (request, response, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
                String detail = "Sign-in is locked for this user name: try again in " + throttled.retryAfterSeconds()
                        + " seconds";
                if (Problems.isFhir(request)) {
                    problems.writeOperationOutcome(response, HttpStatus.TOO_MANY_REQUESTS, "throttled", detail, request);
                } else {
                    problems.write(response, problems.problem(HttpStatus.TOO_MANY_REQUESTS, "login-throttled",
                            "Too many failed sign-in attempts", detail, request));
                }
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"Health CRM\", charset=\"UTF-8\"");
            if (Problems.isFhir(request)) {
                problems.writeOperationOutcome(response, HttpStatus.UNAUTHORIZED, "login",
                        "Sign in with HTTP Basic authentication", request);
                return;
            }
            problems.write(response, problems.problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "Sign in with HTTP Basic authentication", request));
        };
        AccessDeniedHandler denied = (request, response, e) -> {
            signInAudit.accessDenied(request, SecurityContextHolder.getContext().getAuthentication(), e);
            if (Problems.isFhir(request)) {
                problems.writeOperationOutcome(response, HttpStatus.FORBIDDEN, "forbidden",
                        "Your roles do not allow this", request);
                return;
            }
            problems.write(response, problems.problem(
                    HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your roles do not allow this", request));
        };
        // the FHIR servers are servlets of their own: their paths are matched on the whole path, not as Spring MVC
        // patterns (which look only at the path within the servlet and so never match them)
        RequestMatcher fhir = PathPatternRequestMatcher.withDefaults().matcher("/fhir/**");
        RequestMatcher sandbox = PathPatternRequestMatcher.withDefaults().matcher("/ehr-sandbox/**");
        http.securityMatchers(matchers -> matchers.requestMatchers("/api/**", "/actuator/**")
                        .requestMatchers(fhir, sandbox))
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/api/docs", "/api/docs/**").authenticated()
                        .requestMatchers("/api/tasks", "/api/tasks/**").hasAnyRole(TASK_ROLES)
                        .requestMatchers("/api/processes", "/api/processes/**").hasAnyRole(PROCESS_START_ROLES)
                        .requestMatchers("/api/documents/**").hasAnyRole(DOCUMENT_ROLES)
                        .requestMatchers("/api/incidents", "/api/incidents/**").hasRole("ADMIN")
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers(fhir).hasAnyRole(FHIR_ROLES)
                        // the in-process EHR stand-in (only served when healthcrm.ehr.sandbox.enabled)
                        .requestMatchers(sandbox).hasRole("INTEGRATION")
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain screenSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
                                       SessionRegistry sessionRegistry, SignInAudit signInAudit) throws Exception {
        AuthenticationFailureHandler failure = (request, response, e) -> {
            String reason = e instanceof LoginThrottledException ? "locked" : "failed";
            response.sendRedirect(request.getContextPath() + "/login.xhtml?" + reason);
        };
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login.xhtml", "/assets/**", "/jakarta.faces.resource/**", "/error", "/error/**",
                                "/favicon.ico").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/compliance/**").hasRole("COMPLIANCE")
                        .requestMatchers("/app/inbox.xhtml", "/app/task.xhtml", "/app/start.xhtml").hasAnyRole(TASK_ROLES)
                        .requestMatchers("/app/patients.xhtml", "/app/patient.xhtml").hasAnyRole(PATIENT_ROLES)
                        .requestMatchers("/app/document").hasAnyRole(DOCUMENT_ROLES)
                        .requestMatchers("/app/**", "/").hasAnyRole(SCREEN_ROLES)
                        .anyRequest().denyAll())
                .formLogin(form -> form
                        .loginPage("/login.xhtml")
                        .loginProcessingUrl("/login")
                        .defaultSuccessUrl("/app/home.xhtml", true)
                        .failureHandler(failure)
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        // audits the sign-out (or the page's idle sign-out) while the session still holds the user
                        .addLogoutHandler(signInAudit)
                        .logoutSuccessHandler((request, response, authentication) -> response.sendRedirect(
                                request.getContextPath() + ("timeout".equals(request.getParameter("reason"))
                                        ? "/login.xhtml?timeout" : "/login.xhtml?logout")))
                        .deleteCookies("HEALTHCRM_SESSION")
                        .invalidateHttpSession(true))
                .sessionManagement(session -> session
                        .sessionFixation(fixation -> fixation.changeSessionId())
                        .invalidSessionUrl("/login.xhtml?expired")
                        .maximumSessions(-1)
                        .sessionRegistry(sessionRegistry)
                        .expiredUrl("/login.xhtml?ended"))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> {
                    signInAudit.accessDenied(request, SecurityContextHolder.getContext().getAuthentication(), e);
                    response.sendError(HttpServletResponse.SC_FORBIDDEN);
                }))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
