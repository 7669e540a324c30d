package org.healthcrm.forms;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form definitions the application ships, by key. Every definition is loaded and checked when the catalog is
 * built, so a refused definition stops the application at start-up rather than in front of a patient.
 *
 * <p>How the definitions are found: the forms jar carries them at {@code forms/<feature>/<key>.json}, and the
 * build writes {@value #INDEX}, listing one {@code <feature>/<key>.json} per line (see the antrun execution in
 * forms/pom.xml). The catalog reads every copy of that index with {@link ClassLoader#getResources} and each
 * listed file with {@link ClassLoader#getResource}. Class loaders cannot list a folder, least of all inside a jar
 * nested in a Spring Boot fat jar; reading a named index works with any class loader. Callers that find their
 * definitions another way pass the URLs to {@link #of(Collection)}.
 */
public final class FormCatalog {

    /** The classpath resource listing the packaged definitions. */
    public static final String INDEX = "forms/index.txt";

    private static final Pattern ENTRY = Pattern.compile("([A-Za-z0-9_-]+)/([A-Za-z0-9_-]+)\\.json");

    private final Map<String, PackagedForm> forms;

    private FormCatalog(Map<String, PackagedForm> forms) {
        this.forms = Collections.unmodifiableMap(forms);
    }

    /** Loads the definitions visible to the class loader that loaded this class. */
    public static FormCatalog load() {
        return load(FormCatalog.class.getClassLoader());
    }

    /**
     * Loads every definition listed in every {@value #INDEX} the class loader sees.
     *
     * @throws IllegalStateException    when there is no index, or an entry is missing or malformed
     * @throws FormDefinitionException  when a definition is refused or two share a key
     */
    public static FormCatalog load(ClassLoader classLoader) {
        Objects.requireNonNull(classLoader, "classLoader");
        Map<String, PackagedForm> forms = new TreeMap<>();
        Enumeration<URL> indexes;
        try {
            indexes = classLoader.getResources(INDEX);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look up " + INDEX, e);
        }
        if (!indexes.hasMoreElements()) {
            throw new IllegalStateException(INDEX + " is not on the classpath: build healthcrm-forms with Maven, "
                    + "which writes the index of forms/<feature>/*.json");
        }
        while (indexes.hasMoreElements()) {
            URL index = indexes.nextElement();
            for (String entry : lines(index)) {
                Matcher m = ENTRY.matcher(entry);
                if (!m.matches()) {
                    throw new IllegalStateException(index + " lists '" + entry + "'; expected <feature>/<key>.json");
                }
                String resource = "forms/" + entry;
                URL url = classLoader.getResource(resource);
                if (url == null) {
                    throw new IllegalStateException(index + " lists " + resource + ", which is not on the classpath");
                }
                add(forms, m.group(1), m.group(2), resource, read(url));
            }
        }
        return new FormCatalog(forms);
    }

    /**
     * Loads the given definition files; each URL ends in {@code <feature>/<key>.json}.
     *
     * @throws FormDefinitionException when a definition is refused or two share a key
     */
    public static FormCatalog of(Collection<URL> definitions) {
        Map<String, PackagedForm> forms = new TreeMap<>();
        for (URL url : definitions) {
            String path = url.getPath();
            String[] segments = path.split("/");
            String entry = segments.length >= 2
                    ? segments[segments.length - 2] + "/" + segments[segments.length - 1] : path;
            Matcher m = ENTRY.matcher(entry);
            if (!m.matches()) {
                throw new IllegalArgumentException(url + " does not end in <feature>/<key>.json");
            }
            add(forms, m.group(1), m.group(2), url.toString(), read(url));
        }
        return new FormCatalog(forms);
    }

    private static void add(Map<String, PackagedForm> forms, String feature, String key, String resource,
                            byte[] bytes) {
        FormDefinition definition = FormDefinition.parse(key, new String(bytes, StandardCharsets.UTF_8));
        PackagedForm form = new PackagedForm(key, feature, resource, sha256(bytes), definition);
        PackagedForm previous = forms.putIfAbsent(key, form);
        if (previous != null) {
            throw new FormDefinitionException(key, "Form key '" + key + "' is used twice: " + previous.resource()
                    + " and " + resource + "; keys must be unique across features");
        }
    }

    /** The definition with this key, if packaged. */
    public Optional<PackagedForm> find(String key) {
        return Optional.ofNullable(forms.get(key));
    }

    /**
     * The definition with this key.
     *
     * @throws NoSuchElementException when no definition has this key
     */
    public PackagedForm get(String key) {
        PackagedForm form = forms.get(key);
        if (form == null) {
            throw new NoSuchElementException("no form definition with key '" + key + "'");
        }
        return form;
    }

    /** All definitions, ordered by key. */
    public List<PackagedForm> forms() {
        return List.copyOf(forms.values());
    }

    /** The definitions of one feature ("intake", "consent", ...), ordered by key. */
    public List<PackagedForm> feature(String feature) {
        return forms.values().stream().filter(f -> f.feature().equals(feature)).toList();
    }

    private static List<String> lines(URL index) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(index.openStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + index, e);
        }
        return lines;
    }

    private static byte[] read(URL url) {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
