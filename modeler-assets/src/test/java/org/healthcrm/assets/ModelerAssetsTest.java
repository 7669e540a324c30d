package org.healthcrm.assets;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fails the build when the npm step produced nothing (or something truncated): every file the pages load
 * must be on the classpath under META-INF/resources/assets/ (served by Spring Boot at /assets/...) with a
 * plausible size, and every font a stylesheet references by relative url(...) must sit next to it.
 */
class ModelerAssetsTest {

    private static final String ROOT = "META-INF/resources/assets/";
    private static final int KB = 1024;

    /** Relative url(...) references in css; data:, http(s):, protocol-relative and #fragment urls are skipped. */
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)");

    static Stream<Arguments> mainFiles() {
        return Stream.of(
                Arguments.of("bpmn-js/bpmn-modeler.production.min.js", 100 * KB),
                Arguments.of("bpmn-js/diagram-js.css", 5 * KB),
                Arguments.of("bpmn-js/bpmn-js.css", 1 * KB),
                Arguments.of("bpmn-js/bpmn-font/css/bpmn.css", 1 * KB),
                Arguments.of("bpmn-js/bpmn-font/font/bpmn.woff2", 1 * KB),
                Arguments.of("dmn-js/dmn-modeler.production.min.js", 100 * KB),
                Arguments.of("dmn-js/diagram-js.css", 5 * KB),
                Arguments.of("dmn-js/dmn-js-shared.css", 1 * KB),
                Arguments.of("dmn-js/dmn-js-drd.css", 1 * KB),
                Arguments.of("dmn-js/dmn-js-decision-table.css", 1 * KB),
                Arguments.of("dmn-js/dmn-js-decision-table-controls.css", 1 * KB),
                Arguments.of("dmn-js/dmn-js-literal-expression.css", 1 * KB),
                Arguments.of("dmn-js/dmn-js-boxed-expression.css", 1 * KB),
                Arguments.of("dmn-js/dmn-js-boxed-expression-controls.css", 1 * KB),
                Arguments.of("dmn-js/dmn-font/css/dmn.css", 1 * KB),
                Arguments.of("dmn-js/dmn-font/font/dmn.woff2", 1 * KB),
                Arguments.of("formio/formio.full.min.js", 500 * KB),
                Arguments.of("formio/formio.full.min.css", 50 * KB),
                Arguments.of("bootstrap/bootstrap.min.css", 100 * KB),
                Arguments.of("bootstrap-icons/bootstrap-icons.min.css", 50 * KB),
                Arguments.of("bootstrap-icons/fonts/bootstrap-icons.woff2", 50 * KB));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mainFiles")
    void assetIsPackagedAndNonTrivial(String path, int minBytes) throws IOException {
        byte[] content = read(ROOT + path);
        assertTrue(content.length >= minBytes,
                () -> ROOT + path + " has only " + content.length + " bytes, expected at least " + minBytes);
    }

    static Stream<String> stylesheets() {
        return mainFiles().map(a -> (String) a.get()[0]).filter(p -> p.endsWith(".css"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stylesheets")
    void fontsReferencedByStylesheetArePackagedNextToIt(String path) throws IOException {
        String css = new String(read(ROOT + path), StandardCharsets.UTF_8);
        String dir = path.substring(0, path.lastIndexOf('/') + 1);
        List<String> missing = new ArrayList<>();
        Matcher m = CSS_URL.matcher(css);
        while (m.find()) {
            String ref = m.group(1).trim();
            if (ref.startsWith("data:") || ref.startsWith("http:") || ref.startsWith("https:")
                    || ref.startsWith("//") || ref.startsWith("#")) {
                continue;
            }
            String file = ref.replaceAll("[?#].*$", "");
            String resolved = URI.create("x:/" + dir).resolve(file).getPath().substring(1);
            if (resource(ROOT + resolved) == null) {
                missing.add(ref + " -> " + ROOT + resolved);
            }
        }
        assertTrue(missing.isEmpty(), () -> path + " references files that are not packaged: " + missing);
    }

    private static URL resource(String name) {
        return ModelerAssetsTest.class.getClassLoader().getResource(name);
    }

    private static byte[] read(String name) throws IOException {
        URL url = resource(name);
        assertNotNull(url, () -> name + " is missing from the classpath (did the npm step run?)");
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }
}
