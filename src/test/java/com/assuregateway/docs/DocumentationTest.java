package com.assuregateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The docs stay true to the code: every configuration key the code reads is in {@code docs/configuration.md}, and
 * every problem type is in {@code docs/api.md}. Works on the sources, not the classes, and names no package, so
 * moving classes between packages does not break it.
 *
 * <p>A key counts as read when its string literal is the argument of a configuration read: {@code
 * @ConfigProperty(name = "...")} (inside a {@code @ConfigProperties(prefix = "...")} class: the prefix, a dot and
 * the name, and its unannotated fields by their names), {@code getValue("...", }, {@code getOptionalValue("...", },
 * {@code getConfigValue("...")}, {@code ${MPCONFIG=...}}, the posture's {@code string("...")} helper, or a
 * {@code static final String} constant that is used as such an argument. Keys built as {@code "prefix." + x} or
 * {@code "prefix." + x + ".suffix"} in a read are documented with a placeholder, {@code prefix.<x>.suffix}. Metric
 * and audit event names ({@code assure.getProcess}) are never such arguments, so they are not taken for keys.
 * The keys of {@code META-INF/microprofile-config.properties} count as read too.
 */
class DocumentationTest {

    private static final Path BASE = Path.of(System.getProperty("basedir", "."));
    private static final Path MAIN = BASE.resolve("src/main/java");
    private static final Path CONFIGURATION_DOC = BASE.resolve("docs/configuration.md");
    private static final Path API_DOC = BASE.resolve("docs/api.md");
    private static final Path PROPERTIES = BASE.resolve("src/main/resources/META-INF/microprofile-config.properties");

    /** Calls that read a configuration value by the key in their first argument. */
    private static final String READ_CALL = "\\b(?:getOptionalValue|getValue|getConfigValue|getOptionalValues|getValues"
            + "|string)\\(\\s*";
    private static final Pattern LITERAL_READ = Pattern.compile(
            "(?:@ConfigProperty\\(\\s*name\\s*=\\s*|" + READ_CALL + ")\"([^\"]+)\"\\s*[,)]");
    private static final Pattern MPCONFIG = Pattern.compile("\\$\\{MPCONFIG=([^}]+)}");
    private static final Pattern CONCATENATED_READ = Pattern.compile(
            "(?:" + READ_CALL + "|=\\s*)\"([A-Za-z0-9.\\-/]+\\.)\"\\s*\\+\\s*[\\w.()]+"
                    + "(?:\\s*\\+\\s*\"(\\.[A-Za-z0-9.\\-/]+)\")?");
    private static final Pattern CONSTANT_READ = Pattern.compile(
            "(?:@ConfigProperty\\(\\s*name\\s*=\\s*|" + READ_CALL + ")(?:[\\w.]*?(\\w+)\\.)?([A-Z][A-Z0-9_]*)\\s*[,)]");
    private static final Pattern CONSTANT = Pattern.compile(
            "static\\s+final\\s+String\\s+([A-Z][A-Z0-9_]*)\\s*=\\s*\"([^\"]+)\"\\s*;");
    private static final Pattern CONFIG_PROPERTIES = Pattern.compile(
            "@ConfigProperties\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern FIELD = Pattern.compile(
            "^[ \\t]*(?![^;\\n]*\\bstatic\\b)(?:(?:public|protected|private)\\s+)?(?:final\\s+)?"
                    + "[\\w<>\\[\\],.? ]+\\s+(\\w+)\\s*(?:=[^;]*)?;",
            Pattern.MULTILINE);
    private static final Pattern PLACEHOLDER = Pattern.compile("<[^>`]+>");
    private static final Pattern PROBLEM_TYPE = Pattern.compile("^\\s*[A-Z][A-Z0-9_]*\\(\"([a-z0-9-]+)\",\\s*\\d{3}",
            Pattern.MULTILINE);

    @Test
    void everyConfigurationKeyTheCodeReadsIsInTheConfigurationPage() {
        Set<String> keys = configurationKeys();
        // guards the scan itself: a refactoring that hides the reads from it must not make this test pass empty
        assertThat(keys).as("configuration keys found in the sources").hasSizeGreaterThan(40)
                .contains("db.url", "gateway.mode", "gateway.followup.interval-ms", "gateway.archive.key.<>",
                        "gateway.tenants.<>.minimum-match-level");
        String documented = documentedKeys(read(CONFIGURATION_DOC));
        assertThat(keys.stream().filter(key -> !documented.contains("\n" + key + "\n")).toList())
                .as("keys read by the code but missing from docs/configuration.md (a row `| \\`key\\` | default | "
                        + "meaning | secret |`; a key built from a prefix is written with a placeholder, e.g. "
                        + "`gateway.archive.key.<id>`)")
                .isEmpty();
    }

    @Test
    void everyProblemTypeIsInTheApiPage() {
        Path source = sources().filter(p -> p.getFileName().toString().equals("ProblemType.java")).findFirst()
                .orElseThrow(() -> new AssertionError("ProblemType.java not found under " + MAIN));
        Matcher m = PROBLEM_TYPE.matcher(read(source));
        Set<String> slugs = new TreeSet<>();
        while (m.find()) {
            slugs.add(m.group(1));
        }
        assertThat(slugs).as("problem types found in " + source).hasSizeGreaterThan(20).contains("internal");
        Set<String> documented = firstCellCodes(read(API_DOC));
        assertThat(slugs.stream().filter(slug -> !documented.contains(slug)).toList())
                .as("problem types missing from docs/api.md (each as `slug` in the first column of the problem "
                        + "types table)")
                .isEmpty();
    }

    @Test
    void theScanFindsEveryFormOfReadAndNoMetricName() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("Limits", """
                class Limits {
                    static final String KEY = "gateway.x.by-constant";
                    static final String METRIC = "gateway.x.metric";
                    @Inject @ConfigProperty(name = "gateway.x.literal", defaultValue = "1") int literal;
                    void read(Config config, String id, MetricRegistry registry) {
                        config.getOptionalValue(Settings.OTHER, String.class);
                        config.getValue("gateway.x.value", Integer.class);
                        config.getOptionalValue("gateway.x.key." + id, String.class);
                        String perTenant = "gateway.x.tenants." + id + ".level";
                        registry.counter(METRIC);
                        registry.counter("gateway.x.counted");
                    }
                    boolean posture() { return string(KEY).isPresent(); }
                }""");
        sources.put("Settings", """
                class Settings {
                    public static final String OTHER = "gateway.x.qualified";
                    static final String METRIC = "gateway.x.not-read";
                }""");
        sources.put("FollowUpSettings", """
                @ConfigProperties(prefix = "gateway.y")
                @Dependent
                public class FollowUpSettings {
                    @ConfigProperty(name = "interval-ms", defaultValue = "5000")
                    long intervalMs;
                    int batchSize = 20;
                    long helper() { long local = 1; return local; }
                }""");
        sources.put("UsesSettings", """
                class UsesSettings {
                    @Inject @ConfigProperties(prefix = "gateway.z") FollowUpSettings settings;
                    private String notAKey;
                }""");
        assertThat(placeholders(keysReadIn(sources))).containsExactlyInAnyOrder("gateway.x.by-constant",
                "gateway.x.literal", "gateway.x.qualified", "gateway.x.value", "gateway.x.key.<>",
                "gateway.x.tenants.<>.level", "gateway.y.interval-ms", "gateway.y.batchSize");
    }

    /** Every key read by the code, with each placeholder written as {@code <>}. */
    static Set<String> configurationKeys() {
        Map<String, String> files = new LinkedHashMap<>();
        sources().forEach(p -> files.put(className(p), read(p)));
        Set<String> keys = keysReadIn(files);
        keys.addAll(propertiesKeys());
        return placeholders(keys);
    }

    /** The keys read in these sources (class name to text), placeholders as written. */
    static Set<String> keysReadIn(Map<String, String> files) {
        Set<String> keys = new TreeSet<>();
        Set<String> constantsRead = new TreeSet<>();
        files.forEach((className, text) -> {
            String prefix = configPropertiesPrefix(text);
            Matcher m = LITERAL_READ.matcher(text);
            while (m.find()) {
                keys.add(prefix == null || !m.group(0).startsWith("@") ? m.group(1) : prefix + "." + m.group(1));
            }
            m = MPCONFIG.matcher(text);
            while (m.find()) {
                keys.add(m.group(1));
            }
            m = CONCATENATED_READ.matcher(text);
            while (m.find()) {
                keys.add(m.group(1) + "<>" + (m.group(2) == null ? "" : m.group(2)));
            }
            m = CONSTANT_READ.matcher(text);
            while (m.find()) {
                constantsRead.add((m.group(1) == null ? className : m.group(1)) + "." + m.group(2));
            }
            if (prefix != null) {
                keys.addAll(unannotatedFields(text, prefix));
            }
        });
        files.forEach((className, text) -> {
            Matcher m = CONSTANT.matcher(text);
            while (m.find()) {
                if (constantsRead.contains(className + "." + m.group(1)) && !m.group(2).startsWith("${")) {
                    keys.add(m.group(2));
                }
            }
        });
        return keys;
    }

    private static Set<String> placeholders(Set<String> keys) {
        return keys.stream().map(k -> PLACEHOLDER.matcher(k).replaceAll("<>"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The code spans of the first cell of every table row. */
    private static Set<String> firstCellCodes(String page) {
        Set<String> codes = new TreeSet<>();
        Matcher rows = Pattern.compile("^\\|([^|\\n]*)\\|", Pattern.MULTILINE).matcher(page);
        while (rows.find()) {
            Matcher code = Pattern.compile("`([^`]+)`").matcher(rows.group(1));
            while (code.find()) {
                codes.add(code.group(1));
            }
        }
        return codes;
    }

    /** The prefix of a class annotated {@code @ConfigProperties} (not of an injection point that names one). */
    private static String configPropertiesPrefix(String text) {
        Matcher m = CONFIG_PROPERTIES.matcher(text);
        while (m.find()) {
            int brace = text.indexOf('{', m.end());
            if (brace > 0 && text.substring(m.end(), brace).matches("(?s).*\\b(class|record|interface)\\s.*")) {
                return m.group(1);
            }
        }
        return null;
    }

    /** Fields of a {@code @ConfigProperties} class without a {@code @ConfigProperty}: keyed by their names. */
    private static List<String> unannotatedFields(String text, String prefix) {
        int open = text.indexOf('{', text.indexOf("@ConfigProperties"));
        String body = text.substring(open + 1);
        return FIELD.matcher(body).results()
                .filter(f -> depth(body, f.start()) == 0)
                .filter(f -> !precededByConfigProperty(body, f.start()))
                .filter(f -> !f.group().contains("(") && !f.group().contains("return "))
                .map(f -> prefix + "." + f.group(1)).toList();
    }

    private static int depth(String body, int position) {
        int depth = 0;
        for (int i = 0; i < position; i++) {
            char c = body.charAt(i);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        }
        return depth;
    }

    private static boolean precededByConfigProperty(String body, int fieldStart) {
        String before = body.substring(Math.max(0, fieldStart - 300), fieldStart);
        int lastStatementEnd = Math.max(before.lastIndexOf(';'), before.lastIndexOf('}'));
        return before.substring(lastStatementEnd + 1).contains("@ConfigProperty");
    }

    private static String className(Path source) {
        String name = source.getFileName().toString();
        return name.substring(0, name.length() - ".java".length());
    }

    private static Set<String> propertiesKeys() {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(PROPERTIES)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> keys = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            // a key of the family gateway.archive.key.<id> is documented once, with its placeholder
            keys.add(key.startsWith("gateway.archive.key.") && !key.equals("gateway.archive.key-id")
                    ? "gateway.archive.key.<>" : key);
        }
        return keys;
    }

    /** The keys of the table's first column, one per line and framed by newlines, placeholders as {@code <>}. */
    static String documentedKeys(String page) {
        StringBuilder keys = new StringBuilder("\n");
        Matcher m = Pattern.compile("^\\|\\s*`([^`]+)`", Pattern.MULTILINE).matcher(page);
        while (m.find()) {
            keys.append(PLACEHOLDER.matcher(m.group(1)).replaceAll("<>")).append('\n');
        }
        return keys.toString();
    }

    private static Stream<Path> sources() {
        try (Stream<Path> walk = Files.walk(MAIN)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
