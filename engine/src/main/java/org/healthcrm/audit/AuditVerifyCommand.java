package org.healthcrm.audit;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The verification as a command: {@code --healthcrm.audit.verify=all} (the whole chain) or {@code =2026-11-25} (the
 * links sealed that day, UTC). Seals what is pending, prints the report and stops the application with exit code 0
 * when the trail is intact, 2 when it is not, 64 for an argument it does not understand.
 */
@Component
@ConditionalOnProperty("healthcrm.audit.verify")
class AuditVerifyCommand implements ApplicationRunner, ExitCodeGenerator {

    private final AuditChain chain;
    private final AuditVerification verification;
    private final ApplicationContext context;
    private final String scope;
    private int exitCode;

    AuditVerifyCommand(AuditChain chain, AuditVerification verification, ApplicationContext context,
                       @Value("${healthcrm.audit.verify}") String scope) {
        this.chain = chain;
        this.verification = verification;
        this.context = context;
        this.scope = scope.strip();
    }

    @Override
    public void run(ApplicationArguments args) {
        exitCode = run(System.out);
        System.exit(SpringApplication.exit(context, this));
    }

    int run(PrintStream out) {
        AuditVerification.Report report;
        try {
            chain.sealPending();
            report = "all".equalsIgnoreCase(scope) ? verification.verifyAll() : verification.verifyDay(LocalDate.parse(scope));
        } catch (DateTimeParseException e) {
            out.println("healthcrm.audit.verify takes 'all' or a day such as 2026-11-25, not '" + scope + "'");
            return 64;
        }
        out.println(describe(scope, report));
        return report.intact() ? 0 : 2;
    }

    static String describe(String scope, AuditVerification.Report report) {
        String range = report.linksChecked() == 0 && report.intact() ? "no links" : "links " + report.firstSeq()
                + " to " + report.lastSeq();
        String head = "Audit trail verification (" + scope + "): " + range + ", " + report.linksChecked()
                + " checked, " + report.checkpointsChecked() + " signed checkpoints, in " + report.took().toMillis()
                + " ms.";
        return report.intact() ? head + "\nINTACT" : head + "\nBROKEN: " + report.problem().message();
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
