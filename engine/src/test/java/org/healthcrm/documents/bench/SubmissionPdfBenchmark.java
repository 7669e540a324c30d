package org.healthcrm.documents.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.healthcrm.documents.PageFormat;
import org.healthcrm.documents.RealisticSubmissions;
import org.healthcrm.documents.SubmissionInfo;
import org.healthcrm.documents.SubmissionPdf;
import org.healthcrm.forms.FormDefinition;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

/**
 * How fast a completed submission becomes its PDF: a three-page inbound referral (long history, a table of twelve
 * diagnoses, seven documents), rendered by one shared {@link SubmissionPdf} as in the application.
 *
 * <p>Run on demand, never during {@code verify}:
 * <pre>
 * ./mvnw -q -pl forms install -DskipTests
 * ./mvnw -q -pl engine test-compile exec:exec@pdf-benchmark
 * </pre>
 * {@code renderOneThread} reports the latency distribution (SampleTime: read the p0.50 line for the median);
 * {@code renderTwoThreads} the throughput of two threads rendering at once, PDFs per second.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 3)
public class SubmissionPdfBenchmark {

    private SubmissionPdf submissionPdf;
    private FormDefinition form;
    private ObjectNode data;
    private SubmissionInfo info;

    @Setup
    public void setUp() throws IOException {
        submissionPdf = new SubmissionPdf(PageFormat.LETTER, ZoneId.of("America/New_York"));
        form = RealisticSubmissions.form("referral", "referral-inbound");
        data = RealisticSubmissions.cleaned(form, RealisticSubmissions.THREE_PAGE_REFERRAL);
        info = RealisticSubmissions.info(form.key());
        try (PDDocument pdf = Loader.loadPDF(submissionPdf.render(form, data, info))) {
            if (pdf.getNumberOfPages() != 3) {
                throw new IllegalStateException("the benchmark document has " + pdf.getNumberOfPages()
                        + " pages instead of 3");
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Threads(1)
    public byte[] renderOneThread() {
        return submissionPdf.render(form, data, info);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public byte[] renderTwoThreads() {
        return submissionPdf.render(form, data, info);
    }
}
