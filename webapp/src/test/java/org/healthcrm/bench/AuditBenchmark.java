package org.healthcrm.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.healthcrm.HealthCrmApplication;
import org.healthcrm.TestFiles;
import org.healthcrm.audit.AuditChain;
import org.healthcrm.audit.AuditSearch;
import org.healthcrm.audit.AuditVerification;
import org.healthcrm.compliance.AuditEntry;
import org.healthcrm.compliance.AuditQuery;
import org.healthcrm.compliance.AuditReview;
import org.healthcrm.security.Actor;
import org.healthcrm.security.Role;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit trail at scale (issue 6): with {@code --events=N} generated audit events (10 million by default: 100,000
 * patients, 50 users, spread over 100 days), how long the compliance search by patient and date range takes for its
 * first page (with its count, as the screen shows it), and how long the verification of 100,000 chained events (a
 * busy day) takes. Prints the figures and
 * the targets; run on demand (see docs/benchmarks.md), never during {@code ./mvnw verify}:
 *
 * <pre>./mvnw -q -pl webapp test-compile exec:exec@audit-benchmark [-Daudit.benchmark.args="--events=10000000"]</pre>
 *
 * <p>The events are generated in the database (MariaDB's sequence engine), not through the application, which
 * would take hours; all but the last {@code --chained} events (100,000: a busy day) get stand-in links sealed on
 * the first day, and the last ones are sealed today by the application's own sealer, so that the day verified is
 * a real chain.
 */
public final class AuditBenchmark {

    private static final Path DATA_DIR = Path.of("target/audit-bench-data");
    private static final int PATIENTS = 100_000;
    private static final int USERS = 50;
    private static final Duration SPAN = Duration.ofDays(100);
    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    private static final long SEARCH_TARGET_MS = 200;
    private static final long VERIFY_TARGET_MS = 5_000;

    private AuditBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long events = option(args, "events", 10_000_000);
        long chained = Math.min(events, option(args, "chained", 100_000));
        int searches = (int) option(args, "searches", 200);
        System.out.printf(Locale.ROOT, "Audit trail benchmark: %,d events, the last %,d sealed for real, %d searches;"
                + " Java %s, %d CPUs%n", events, chained, searches, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        TestFiles.deleteRecursively(DATA_DIR);
        ConfigurableApplicationContext application = new SpringApplicationBuilder(HealthCrmApplication.class)
                .profiles("demo")
                .run("--healthcrm.data-dir=" + DATA_DIR, "--server.port=0", "--healthcrm.mail.sandbox.port=0",
                        // the benchmark seals when it is ready; the scheduled sealer would race the generation
                        "--healthcrm.audit.seal-interval=PT24H",
                        "--logging.file.name=" + DATA_DIR.resolve("healthcrm.log"), "--logging.threshold.console=WARN");
        try {
            JdbcTemplate jdbc = application.getBean(JdbcTemplate.class);
            generate(jdbc, events);
            chainAllBut(jdbc, chained);
            long sealing = System.nanoTime();
            int sealed = application.getBean(AuditChain.class).sealPending();
            double sealSeconds = (System.nanoTime() - sealing) / 1e9;
            System.out.printf(Locale.ROOT, "Sealed %,d events in %.1f s (%,.0f events/s)%n", sealed, sealSeconds,
                    sealed / sealSeconds);
            application.getBean(AuditChain.class).checkpointNow();

            search(application.getBean(AuditReview.class), application.getBean(AuditSearch.class), jdbc, searches);
            // the searches were audited: their events are sealed too, as the scheduled sealer would have done
            application.getBean(AuditChain.class).sealPending();
            verify(application.getBean(AuditVerification.class));
        } finally {
            application.close();
        }
        System.exit(0);
    }

    /** Inserts the events a million at a time, from MariaDB's sequence engine. */
    private static void generate(JdbcTemplate jdbc, long events) {
        long started = System.nanoTime();
        long stepMicros = SPAN.toNanos() / 1000 / events;
        for (long from = 1; from <= events; from += 1_000_000) {
            long to = Math.min(events, from + 999_999);
            jdbc.update("insert into audit_event (occurred_at, username, roles, action, patient_id, object_type, "
                    + "object_id, outcome, client_address, request_id, reason, detail) "
                    + "select timestamp '2026-06-01 00:00:00' + interval (seq * " + stepMicros + ") microsecond, "
                    + "concat('user', seq % " + USERS + "), 'FRONT_DESK', "
                    + "elt(1 + seq % 5, 'PATIENT_READ', 'PATIENT_UPDATE', 'DOCUMENT_READ', 'CONSENT_GRANT', "
                    + "'PATIENT_SEARCH_RESULT'), 1 + (seq * 7919) % " + PATIENTS + ", 'Patient', "
                    + "cast(1 + (seq * 7919) % " + PATIENTS + " as char), if(seq % 50 = 0, 'DENIED', 'SUCCESS'), "
                    + "concat('10.0.0.', seq % 200), concat('req-', seq), null, if(seq % 5 = 1, 'givenName,phone', null) "
                    + "from seq_" + from + "_to_" + to);
        }
        System.out.printf(Locale.ROOT, "Generated %,d events in %.0f s%n", events, (System.nanoTime() - started) / 1e9);
    }

    /** Stand-in links for all but the last {@code chained} events, so that the sealer seals only those for real. */
    private static void chainAllBut(JdbcTemplate jdbc, long chained) {
        Long last = jdbc.queryForObject("select max(id) from audit_event", Long.class);
        long upTo = last - chained;
        if (upTo > 0) {
            String zeros = "0".repeat(64);
            jdbc.update("insert into audit_chain (seq, event_id, prev_hash, hash, sealed_at) "
                    + "select id, id, '" + zeros + "', '" + zeros + "', timestamp '2026-06-01 00:00:00' "
                    + "from audit_event where id <= ?", upTo);
        }
    }

    /**
     * The search as the compliance screen makes it: a patient (by MRN) and a range of 30 UTC days, counted, then its
     * first page of 25 read with each row's MRN ({@link AuditReview}, the screen's lazy table: count, then load).
     * The demo's patients have the lowest ids, so each has its share of the generated events.
     */
    private static void search(AuditReview review, AuditSearch search, JdbcTemplate jdbc, int searches) {
        List<String> mrns = jdbc.queryForList("select mrn from patient order by id", String.class);
        Actor compliance = Actor.of("compliance", Role.COMPLIANCE);
        List<Long> screen = new ArrayList<>();
        List<Long> found = new ArrayList<>();
        for (int i = 0; i < searches + 20; i++) {
            LocalDate from = LocalDate.ofInstant(START, ZoneOffset.UTC).plusDays(10 + i % 60);
            AuditQuery query = new AuditQuery(mrns.get(i % mrns.size()), null, null, null, from, from.plusDays(29));
            long started = System.nanoTime();
            long total = review.count(compliance, query);
            List<AuditEntry> page = review.page(compliance, query, 0, 25);
            long took = (System.nanoTime() - started) / 1_000_000;
            if (page.isEmpty() != (total == 0)) {
                throw new IllegalStateException("a search counted " + total + " events but read " + page.size());
            }
            if (i >= 20) {
                screen.add(took);
                found.add(total);
            }
        }
        report("Compliance screen, patient (MRN) and 30 days: count and first page of 25", screen,
                "events found per search: median " + sorted(found)[found.size() / 2]);

        // the same through the one audit search for patients spread over the whole table (cold pages of the index)
        List<Long> spread = new ArrayList<>();
        for (int i = 0; i < searches + 20; i++) {
            long patient = 1 + (i * 104_729L) % PATIENTS;
            Instant from = START.plus(Duration.ofDays(10 + i % 60));
            AuditSearch.Criteria criteria = AuditSearch.Criteria.of(patient, null, from, from.plus(Duration.ofDays(30)));
            long started = System.nanoTime();
            long total = search.count(criteria);
            AuditSearch.Page page = search.search(criteria, 0, 25);
            long took = (System.nanoTime() - started) / 1_000_000;
            if (page.events().isEmpty() != (total == 0)) {
                throw new IllegalStateException("a search counted " + total + " events but read none");
            }
            if (i >= 20) {
                spread.add(took);
            }
        }
        report("Audit search, any of " + PATIENTS + " patients and 30 days: count and first page of 25", spread, "");
    }

    private static void report(String what, List<Long> millis, String more) {
        long[] sorted = sorted(millis);
        long p95 = sorted[(int) (sorted.length * 0.95)];
        System.out.printf(Locale.ROOT, "%s: median %d ms, p95 %d ms, max %d ms over %d searches (target: under %d ms)"
                        + " %s%s%n", what, sorted[sorted.length / 2], p95, sorted[sorted.length - 1], sorted.length,
                SEARCH_TARGET_MS, p95 < SEARCH_TARGET_MS ? "MET" : "NOT MET", more.isEmpty() ? "" : "; " + more);
    }

    private static long[] sorted(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** The verification of today's chain (the events sealed by the application today), as the command runs it. */
    private static void verify(AuditVerification verification) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Long> runs = new ArrayList<>();
        AuditVerification.Report report = null;
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            report = verification.verifyDay(today);
            runs.add((System.nanoTime() - started) / 1_000_000);
            if (!report.intact()) {
                throw new IllegalStateException("the chain does not verify: " + report.problem().message());
            }
        }
        long best = runs.stream().mapToLong(Long::longValue).min().orElseThrow();
        System.out.printf(Locale.ROOT, "Verification of the day %s: %,d links with %d checkpoints: %s ms per run, "
                        + "best %d ms (target: under %d ms) %s%n", today, report.linksChecked(),
                report.checkpointsChecked(), runs, best, VERIFY_TARGET_MS,
                runs.get(runs.size() - 1) < VERIFY_TARGET_MS ? "MET" : "NOT MET");
    }

    private static long option(String[] args, String name, long fallback) {
        return Arrays.stream(args).filter(a -> a.startsWith("--" + name + "=")).findFirst()
                .map(a -> Long.parseLong(a.substring(name.length() + 3).replace("_", ""))).orElse(fallback);
    }
}
