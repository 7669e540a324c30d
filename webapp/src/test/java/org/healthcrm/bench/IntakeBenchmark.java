package org.healthcrm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.healthcrm.HealthCrmApplication;
import org.healthcrm.TestFiles;
import org.healthcrm.ehr.EhrSettings;
import org.healthcrm.ehr.sandbox.EhrSandbox;
import org.healthcrm.messaging.sandbox.MailSandbox;
import org.healthcrm.platform.EmbeddedMariaDb;
import org.healthcrm.workflow.ProcessLauncher;
import org.healthcrm.workflow.TaskForms;
import org.healthcrm.workflow.WorkTaskService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The patient-intake benchmark (issue 5): complete intakes through the application's service layer, and the same
 * model with no-op delegates on a bare engine on the same MariaDB server, in one run; prints intakes per second of
 * both and their ratio. Run on demand (see docs/benchmarks.md), never during {@code ./mvnw verify}:
 *
 * <pre>./mvnw -q -pl webapp test-compile exec:exec@intake-benchmark [-Dintake.benchmark.args="--intakes=400 --clients=2"]</pre>
 *
 * <p>Options: {@code --intakes=N} measured per round and scenario (200), {@code --clients=C} concurrent front-desk
 * clients (4), {@code --warmup=S} seconds of warm-up per scenario (180: the application's code needs minutes of load before
 * the JIT compiler is done with it), {@code --rounds=R} measured rounds (3; the
 * scenarios take turns, so that a change in machine load hits all), {@code --scenarios=application,audit-off,bare}
 * which to run ({@code audit-off}: the application with its audit writer switched off, for what auditing costs).
 *
 * <p>The application starts as with the demo profile (demo users, EHR sandbox at /ehr-sandbox/fhir reached over real
 * HTTP on a random port, GreenMail as the mail server) on a fresh embedded MariaDB in target/bench-data, with its log
 * in target/bench-data/healthcrm.log.
 */
public final class IntakeBenchmark {

    private static final Path DATA_DIR = Path.of("target/bench-data");
    private static final double TARGET_RATE = 20;
    private static final double TARGET_RATIO = 0.3;

    private IntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        System.out.printf(Locale.ROOT, "Patient intake benchmark: %d intakes x %d rounds per scenario, %d clients, "
                        + "%d s warm-up; Java %s, %d CPUs; load average %s%n", options.intakes, options.rounds,
                options.clients, options.warmup.toSeconds(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), loadAverage());

        TestFiles.deleteRecursively(DATA_DIR);
        IntakeCompletions completions = new IntakeCompletions();
        AuditSwitch auditSwitch = new AuditSwitch();
        long booting = System.nanoTime();
        ConfigurableApplicationContext application = new SpringApplicationBuilder(HealthCrmApplication.class)
                .profiles("demo")
                .initializers(context -> {
                    context.getBeanFactory().registerSingleton("benchmarkIntakeCompletions", completions);
                    // a bean, not addBeanPostProcessor: so that it comes after the transaction proxy (AuditSwitch)
                    ((org.springframework.context.support.GenericApplicationContext) context)
                            .registerBean("benchmarkAuditSwitch", AuditSwitch.class, () -> auditSwitch);
                })
                // as command-line arguments, so that they win over application.yml
                .run("--healthcrm.data-dir=" + DATA_DIR,
                        "--server.port=0",
                        "--healthcrm.mail.sandbox.port=0",
                        "--logging.file.name=" + DATA_DIR.resolve("healthcrm.log"),
                        "--logging.threshold.console=WARN");
        System.out.printf(Locale.ROOT, "Application started in %.1f s%n", (System.nanoTime() - booting) / 1e9);

        List<IntakeScenario> scenarios = new ArrayList<>();
        try {
            IntakeSubmissions submissions = new IntakeSubmissions(application.getBean(ObjectMapper.class));
            ApplicationIntakes intakes = new ApplicationIntakes(application.getBean(ProcessLauncher.class),
                    application.getBean(WorkTaskService.class), application.getBean(IdentityService.class),
                    submissions, application.getBean(ObjectMapper.class));
            if (options.scenarios.contains("application")) {
                scenarios.add(intakes);
            }
            if (options.scenarios.contains("audit-off")) {
                scenarios.add(new UnauditedIntakes(intakes, auditSwitch));
            }
            if (options.scenarios.contains("bare")) {
                scenarios.add(bareEngine(application, submissions, completions));
            }
            for (IntakeScenario scenario : scenarios) {
                System.out.printf("  %-14s %s%n", scenario.name(), scenario.description());
            }
            EhrSandbox ehr = application.getBean(EhrSandbox.class);
            MailSandbox mail = application.getBean(MailSandbox.class);
            // The in-process EHR and mail server keep what they receive in memory (a real EHR and mail server are
            // other machines): emptied before each measurement and each minute of warm-up, with a full GC, so that
            // their growing heap slows down neither a round more than the one before nor the warm-ups that follow.
            Runnable betweenMeasurements = () -> {
                ehr.reset();
                mail.purge();
                System.gc();
            };
            run(scenarios, options, completions, application.getBean(HikariDataSource.class), betweenMeasurements);
        } finally {
            for (IntakeScenario scenario : scenarios) {
                scenario.close();
            }
            application.close();
        }
        System.exit(0);
    }

    private static void run(List<IntakeScenario> scenarios, Options options, IntakeCompletions completions,
                            javax.sql.DataSource database, Runnable betweenMeasurements) {
        IntakeLoad load = new IntakeLoad(completions, new CostMeter(DATA_DIR, database), new AtomicInteger(),
                options.clients, betweenMeasurements);
        for (IntakeScenario scenario : scenarios) {
            long started = System.nanoTime();
            int intakes = load.warmUp(scenario, options.warmup);
            System.out.printf(Locale.ROOT, "Warm-up %-14s %5d intakes in %.0f s%n", scenario.name(), intakes,
                    (System.nanoTime() - started) / 1e9);
        }
        System.out.println();
        System.out.printf("%-5s %-14s %7s %7s %9s %7s %7s %7s %8s %8s %5s %7s %7s %7s  %s%n", "round", "scenario",
                "intakes", "seconds", "intakes/s", "p50 ms", "p95 ms", "p99 ms", "JVM CPU", "DB CPU", "SQL", "commits",
                "JIT ms", "GC ms", "load average");
        Map<String, List<IntakeLoad.Result>> results = new LinkedHashMap<>();
        for (int round = 1; round <= options.rounds; round++) {
            // each round starts with another scenario, so that none always follows the same one
            List<IntakeScenario> order = new ArrayList<>(scenarios);
            java.util.Collections.rotate(order, -(round - 1));
            for (IntakeScenario scenario : order) {
                IntakeLoad.Result result = load.measure(scenario, options.intakes);
                results.computeIfAbsent(scenario.name(), name -> new ArrayList<>()).add(result);
                System.out.printf(Locale.ROOT,
                        "%-5d %-14s %7d %7.1f %9.1f %7.0f %7.0f %7.0f %5.0f ms %5.0f ms %5.0f %7.1f %7.1f %7.1f  %s%n",
                        round, result.scenario(), result.intakes(), result.seconds(), result.perSecond(),
                        result.p50Millis(), result.p95Millis(), result.p99Millis(), result.jvmCpuMillis(),
                        result.databaseCpuMillis(), result.statements(), result.commits(), result.jitMillis(),
                        result.gcMillis(), loadAverage());
            }
        }
        System.out.println("Per intake: JVM CPU (all threads of this JVM), DB CPU (the MariaDB server), SQL statements and "
                + "commits the server received, time of the JVM's JIT compilers and of its garbage collection pauses");
        System.out.println();
        Map<String, Double> rates = new LinkedHashMap<>();
        results.forEach((name, rounds) -> rates.put(name, IntakeLoad.median(
                rounds.stream().mapToDouble(IntakeLoad.Result::perSecond).toArray())));
        Double bare = rates.get("bare engine");
        System.out.println("Median of the rounds:");
        rates.forEach((name, rate) -> {
            List<IntakeLoad.Result> rounds = results.get(name);
            System.out.printf(Locale.ROOT, "  %-14s %6.1f intakes/s, CPU per intake %.1f ms JVM + %.1f ms DB%s%n",
                    name, rate, IntakeLoad.median(rounds.stream().mapToDouble(IntakeLoad.Result::jvmCpuMillis).toArray()),
                    IntakeLoad.median(rounds.stream().mapToDouble(IntakeLoad.Result::databaseCpuMillis).toArray()),
                    bare == null || name.equals("bare engine") ? ""
                            : String.format(Locale.ROOT, "  = %.2f of the bare engine's rate", rate / bare));
        });
        Double app = rates.get("application");
        Double unaudited = rates.get("audit off");
        if (app != null && unaudited != null) {
            double cost = 1 - app / unaudited;
            System.out.printf(Locale.ROOT, "Audit costs %.1f%% of the throughput (target: under 10%%): %s%n",
                    100 * cost, cost < 0.10 ? "met" : "NOT met");
        }
        if (app != null) {
            System.out.printf(Locale.ROOT, "Target >= %.0f complete intakes/s: %s%n", TARGET_RATE,
                    app >= TARGET_RATE ? "met" : "NOT met");
        }
        if (app != null && bare != null) {
            System.out.printf(Locale.ROOT, "Target >= %.1f of the bare engine's rate: %s (%.2f)%n", TARGET_RATIO,
                    app / bare >= TARGET_RATIO ? "met" : "NOT met", app / bare);
        }
    }

    /**
     * The bare engine on a database of its own on the application's MariaDB server, completing each user task with
     * the variables the application stores for the same submission: the cleaned data of the form, with the hidden
     * fields the DMN required-consents fills in.
     */
    private static IntakeScenario bareEngine(ConfigurableApplicationContext application, IntakeSubmissions submissions,
                                             IntakeCompletions completions) throws SQLException {
        EmbeddedMariaDb server = application.getBean(EmbeddedMariaDb.class);
        HikariDataSource pool = application.getBean(HikariDataSource.class);
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + BareEngineIntakes.DATABASE
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        ProcessEngine engine = application.getBean(ProcessEngine.class);
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        TaskForms forms = application.getBean(TaskForms.class);

        List<IntakeSubmissions.Step> steps = submissions.of(0);
        ObjectNode demographics = steps.get(0).data();
        int ageYears = Period.between(IntakeSubmissions.birthDate(0), LocalDate.now(application.getBean(Clock.class)))
                .getYears();
        Map<String, Object> required = application.getBean(DecisionService.class)
                .evaluateDecisionByKey("required-consents")
                .variables(Map.of("ageYears", ageYears, "service", demographics.get("service").asText()))
                .evaluate().getSingleResult().getEntryMap();
        var definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("patient-intake").latestVersion().singleResult();
        var model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
        List<BareEngineIntakes.IntakeTask> tasks = new ArrayList<>();
        for (IntakeSubmissions.Step step : steps) {
            UserTask userTask = model.getModelElementById(step.taskDefinitionKey());
            String formKey = userTask.getCamundaFormKey().substring("formio:".length());
            TaskForms.Form form = forms.form(formKey);
            ObjectNode cleaned = forms.check(form, forms.withProcessValues(form, step.data(), required));
            tasks.add(new BareEngineIntakes.IntakeTask(step.taskDefinitionKey(), forms.variablesOf(form, cleaned)));
        }
        // the way the application's pool reaches the server: its socket, or TCP where the socket could not be used
        String databaseUrl = pool.getJdbcUrl().equals(server.socketJdbcUrl())
                ? server.socketJdbcUrl(BareEngineIntakes.DATABASE) : server.jdbcUrl(BareEngineIntakes.DATABASE);
        return BareEngineIntakes.start(databaseUrl, configuration, pool,
                application.getBean(CamundaBpmProperties.class).getJobExecution(),
                application.getBean(EhrSettings.class), ageYears, completions, tasks);
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private record Options(int intakes, int clients, Duration warmup, int rounds, List<String> scenarios) {

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>(Map.of("intakes", "200", "clients", "4",
                    "warmup", "180", "rounds", "3", "scenarios", "application,audit-off,bare"));
            for (String arg : args) {
                int equals = arg.indexOf('=');
                String name = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : null;
                if (name == null || !values.containsKey(name)) {
                    throw new IllegalArgumentException("Unknown option " + arg + "; known: --intakes=N --clients=C "
                            + "--warmup=SECONDS --rounds=R --scenarios=application,audit-off,bare");
                }
                values.put(name, arg.substring(equals + 1));
            }
            return new Options(Integer.parseInt(values.get("intakes")), Integer.parseInt(values.get("clients")),
                    Duration.ofSeconds(Long.parseLong(values.get("warmup"))), Integer.parseInt(values.get("rounds")),
                    List.of(values.get("scenarios").split(",")));
        }
    }
}
