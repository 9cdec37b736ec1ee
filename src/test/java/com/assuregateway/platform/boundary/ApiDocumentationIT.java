package com.assuregateway.platform.boundary;

import static com.assuregateway.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.reporting.boundary.ProcessPage;
import com.assuregateway.reporting.boundary.StatsView;
import com.assuregateway.reporting.boundary.TimelineView;
import com.assuregateway.dossiers.boundary.DossierRequest;
import com.assuregateway.dossiers.boundary.DossierView;
import com.assuregateway.dossiers.boundary.PhotoCopyRequest;
import com.assuregateway.dossiers.boundary.ProcessCreatedView;
import com.assuregateway.dossiers.boundary.ProcessRequest;
import com.assuregateway.dossiers.boundary.ProcessView;
import com.assuregateway.dossiers.boundary.ReviewRequest;
import com.assuregateway.dossiers.boundary.VerificationAccepted;
import com.assuregateway.dossiers.boundary.VerificationRequest;
import com.assuregateway.problems.entity.ProblemType;
import com.assuregateway.testsupport.Api.Answer;
import com.assuregateway.testsupport.Api;
import com.assuregateway.testsupport.GatewayTest;
import com.assuregateway.webhooks.boundary.WebhookDeliveryView;
import com.assuregateway.webhooks.boundary.WebhookEndpointCreated;
import com.assuregateway.webhooks.boundary.WebhookEndpointRequest;
import com.assuregateway.webhooks.boundary.WebhookSecretView;
import com.assuregateway.testsupport.Portal;
import com.assuregateway.testsupport.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document at /openapi against the code it describes: every JAX-RS operation of the portal API
 * (found by reflection in the compiled classes), every field of the records on the wire, every problem type
 * with its status; then Swagger UI at /api-docs/ in a real headless Chromium, showing those operations.
 * The document does not depend on the database, so this class runs in the H2 run only (pom.xml).
 */
class ApiDocumentationIT extends GatewayTest {

    /** The records a portal sends or receives; nested records are followed. */
    private static final List<Class<?>> WIRE_RECORDS = List.of(DossierRequest.class, DossierView.class,
            ProcessRequest.class, ProcessCreatedView.class, PhotoCopyRequest.class, VerificationRequest.class,
            VerificationAccepted.class, ProcessView.class, ReviewRequest.class, ProcessPage.class, TimelineView.class,
            StatsView.class, WebhookEndpointRequest.class, WebhookEndpointCreated.class, WebhookSecretView.class,
            WebhookDeliveryView.class);

    /** What ProblemResponses writes. */
    private static final Set<String> PROBLEM_FIELDS =
            Set.of("type", "title", "status", "detail", "instance", "errors", "upstreamTraceId");

    JsonObject document;

    @BeforeEach
    void fetchDocument() {
        Answer answer = new Api(base).get("openapi?format=json");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        document = answer.json();
    }

    @Test
    void servedAsYamlByDefaultWithTheStaticDocumentsTitle() {
        Answer yaml = new Api(base).get("openapi");
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.text()).startsWith("openapi: 3.0.3");
        assertThat(document.getJsonObject("info").getString("title")).isEqualTo("Assure Gateway portal API");
    }

    @Test
    void everyOperationOfThePortalApiIsDocumentedAndNothingElse() throws IOException {
        Map<String, Method> implemented = portalOperations();
        assertThat(implemented).as("reflection found the portal API").hasSizeGreaterThanOrEqualTo(11);
        JsonObject paths = document.getJsonObject("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, item) -> item.asJsonObject().keySet().stream()
                .filter(key -> Set.of("get", "put", "post", "delete", "patch").contains(key))
                .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(implemented.keySet());

        implemented.forEach((operation, javaMethod) -> {
            String[] methodAndPath = operation.split(" ", 2);
            JsonObject pathItem = paths.getJsonObject(methodAndPath[1]);
            JsonObject op = pathItem.getJsonObject(methodAndPath[0].toLowerCase(Locale.ROOT));
            assertThat(op.getString("operationId", "")).as(operation).isNotBlank();
            assertThat(op.getString("summary", "")).as(operation).isNotBlank();
            assertThat(op.getJsonArray("tags")).as(operation).isNotEmpty();
            assertThat(op.getJsonObject("responses").keySet()).as(operation + " has a success answer")
                    .anyMatch(status -> status.startsWith("2"));
            assertThat(op.getJsonObject("responses").keySet()).as(operation + " documents the internal error")
                    .contains("500");
            for (String consumed : consumedTypes(operation, implemented)) {
                assertThat(op.getJsonObject("requestBody").getJsonObject("content").keySet())
                        .as(operation + " request body").contains(consumed);
            }
            Set<String> parameters = new HashSet<>();
            Stream.of(pathItem.getJsonArray("parameters"), op.getJsonArray("parameters"))
                    .filter(list -> list != null)
                    .flatMap(List::stream)
                    .map(this::resolve)
                    .forEach(p -> parameters.add(p.getString("name")));
            Arrays.stream(javaMethod.getParameters())
                    .map(ApiDocumentationIT::parameterName)
                    .filter(name -> name != null)
                    .forEach(name -> assertThat(parameters).as(operation).contains(name));
        });
    }

    /** The client of GeneratedClientIT, and every portal team's, is generated from the file: it must be the contract. */
    @Test
    void theServedDocumentIsTheOpenapiYamlClientsAreGeneratedFrom() throws IOException {
        JsonNode file = new ObjectMapper(new YAMLFactory())
                .readTree(java.nio.file.Path.of("src/main/resources/META-INF/openapi.yaml").toFile());
        ObjectNode served = (ObjectNode) new ObjectMapper().readTree(new Api(base).get("openapi?format=json").body());
        assertThat(served.remove("endpoints")).as("Payara's own addition").isNotNull();
        assertThat(differences("", file, served)).as("where /openapi differs from openapi.yaml").isEmpty();
    }

    /**
     * Whatever mix of JSON, problem+json and anything a client accepts, each operation gives its own answer
     * (generated clients send problem+json alone where success has no body), and a problem is problem+json.
     */
    @Test
    void everyAcceptMixGetsTheOperationsAnswerAndProblemsAreProblemJson() {
        Api portal = new Api(base).as(Tokens.portal("accept-tenant"));
        for (String accept : List.of("application/json", "application/problem+json", "*/*",
                "application/json, application/problem+json", "application/problem+json;q=0.9, */*;q=0.1",
                "image/png, application/problem+json")) {
            Api api = portal.withHeader("Accept", accept);
            Answer opened = api.post("api/v1/dossiers", "{\"externalReference\":\"customer-" + UUID.randomUUID() + "\"}");
            assertThat(opened.status()).as(accept + " " + opened).isEqualTo(201);
            assertThat(opened.contentType()).as(accept).startsWith("application/json");
            String dossierId = opened.json().getString("dossierId");
            Answer process = api.post("api/v1/dossiers/" + dossierId + "/processes", "{\"provider\":\"facetec\"}");
            assertThat(process.status()).as(accept + " " + process).isEqualTo(201);
            String path = Portal.process(dossierId, process.json().getString("processId"));
            assertThat(api.put(path + "/selfie", "image/png", Portal.png(0x42)).status()).as(accept).isEqualTo(204);
            assertThat(api.get(path).status()).as(accept).isEqualTo(200);
            assertProblem(api.get("api/v1/dossiers/" + UUID.randomUUID()), 404, "not-found");
            assertProblem(api.put(Portal.process(dossierId, UUID.randomUUID().toString()) + "/selfie", "image/png",
                    Portal.png(0x42)), 404, "not-found");
            assertProblem(api.get(path + "/full-result"), 409, "wrong-state");
            assertProblem(api.put("api/v1/dossiers/" + dossierId, "application/json", new byte[]{'{', '}'}), 405,
                    "method-not-allowed");
            assertThat(api.delete("api/v1/dossiers/" + dossierId).status()).as(accept).isEqualTo(204);
            assertProblem(api.get("api/v1/dossiers/" + dossierId), 410, "erased");
        }
        assertProblem(portal.withHeader("Accept", "text/html").get("api/v1/dossiers/" + UUID.randomUUID()), 406,
                "not-acceptable");
        assertProblem(new Api(base).withHeader("Accept", "application/problem+json").delete("api/v1/dossiers/x"), 401,
                "unauthorized");
    }

    @Test
    void theSandboxIsNotPartOfThePortalDocument() {
        assertThat(document.getJsonObject("paths").keySet()).allMatch(path -> path.startsWith("/api/v1/"));
    }

    @Test
    void everyRecordOnTheWireHasASchemaWithItsFields() {
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        Map<String, Class<?>> records = new TreeMap<>();
        WIRE_RECORDS.forEach(type -> collectRecords(type, records));
        assertThat(records).hasSizeGreaterThanOrEqualTo(15);
        records.forEach((name, type) -> {
            assertThat(schemas.keySet()).as("schema of " + type.getName()).contains(name);
            Set<String> fields = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toSet());
            assertThat(schemas.getJsonObject(name).getJsonObject("properties").keySet())
                    .as("properties of schema " + name).containsExactlyInAnyOrderElementsOf(fields);
        });
    }

    @Test
    void everyProblemTypeIsDocumentedWithItsStatus() {
        JsonObject components = document.getJsonObject("components");
        JsonObject problem = components.getJsonObject("schemas").getJsonObject("Problem");
        assertThat(problem.getJsonObject("properties").keySet()).containsExactlyInAnyOrderElementsOf(PROBLEM_FIELDS);
        List<String> typeEnum = problem.getJsonObject("properties").getJsonObject("type").getJsonArray("enum")
                .getValuesAs(JsonString::getString);

        JsonObject examples = components.getJsonObject("examples");
        Set<String> referencedExamples = new HashSet<>();
        components.getJsonObject("responses").values().forEach(response -> response.asJsonObject()
                .getJsonObject("content").getJsonObject("application/problem+json").getJsonObject("examples")
                .values().forEach(example -> referencedExamples.add(example.asJsonObject().getString("$ref"))));

        String description = document.getJsonObject("info").getString("description");
        for (ProblemType type : ProblemType.values()) {
            String slug = type.uri().substring(type.uri().lastIndexOf(':') + 1);
            assertThat(typeEnum).as("Problem.type enum").contains(type.uri());
            assertThat(examples.keySet()).as("an example of " + slug).contains(slug);
            JsonObject example = examples.getJsonObject(slug).getJsonObject("value");
            assertThat(example.getString("type")).isEqualTo(type.uri());
            assertThat(example.getInt("status")).as(slug).isEqualTo(type.status());
            assertThat(example.getString("title")).as(slug).isEqualTo(type.title());
            assertThat(referencedExamples).as(slug + " is an answer of some response")
                    .contains("#/components/examples/" + slug);
            assertThat(description).as("the table in info.description")
                    .contains("| `" + slug + "` | " + type.status() + " |");
        }
        assertThat(typeEnum).hasSize(ProblemType.values().length);
    }

    @Test
    void theBearerSchemeForPortalsIsDeclared() {
        JsonObject scheme = document.getJsonObject("components").getJsonObject("securitySchemes")
                .getJsonObject("portalBearer");
        assertThat(scheme.getString("type")).isEqualTo("http");
        assertThat(scheme.getString("scheme")).isEqualTo("bearer");
        assertThat(scheme.getString("bearerFormat")).isEqualTo("JWT");
    }

    @Test
    void swaggerUiInHeadlessChromiumShowsEveryOperation() throws Exception {
        java.nio.file.Path chromium = java.nio.file.Path.of(System.getProperty("test.chromium", "/usr/bin/chromium"));
        Assumptions.assumeTrue(Files.isExecutable(chromium), "SKIPPED: no Chromium at " + chromium
                + " (apt-get install chromium; .ci/run installs it), so Swagger UI is not checked in a browser");
        java.nio.file.Path work = Files.createDirectories(java.nio.file.Path.of("target", "swagger-ui-check"));
        java.nio.file.Path dom = work.resolve("dom.html");
        Process browser = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(work, "profile"),
                "--virtual-time-budget=30000", "--dump-dom", base + "api-docs/")
                .redirectOutput(dom.toFile())
                .redirectError(work.resolve("chromium.log").toFile())
                .start();
        if (!browser.waitFor(120, TimeUnit.SECONDS)) {
            browser.destroyForcibly();
            throw new AssertionError("Chromium did not finish; see " + work.resolve("chromium.log"));
        }
        String html = Files.readString(dom, StandardCharsets.UTF_8);

        Map<String, String> shown = new TreeMap<>();
        Matcher operation = Pattern.compile("<span class=\"opblock-summary-method\">([A-Z]+)</span>.*?"
                + "data-path=\"([^\"]+)\".*?<div class=\"opblock-summary-description\">([^<]*)</div>",
                Pattern.DOTALL).matcher(html);
        while (operation.find()) {
            shown.put(operation.group(1) + " " + operation.group(2), operation.group(3));
        }
        Map<String, String> documented = new TreeMap<>();
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, op) -> {
            if (op.getValueType() == JsonValue.ValueType.OBJECT && op.asJsonObject().containsKey("summary")) {
                documented.put(method.toUpperCase(Locale.ROOT) + " " + path, op.asJsonObject().getString("summary"));
            }
        }));
        assertThat(shown).as("operations Swagger UI rendered (DOM in " + dom + ")").isEqualTo(documented);
        assertThat(html).contains("Assure Gateway portal API");
    }

    /** "METHOD /path" of every resource method under api/, from the compiled classes. */
    private static Map<String, Method> portalOperations() throws IOException {
        java.nio.file.Path classes = java.nio.file.Path.of("target", "classes");
        Map<String, Method> operations = new TreeMap<>();
        List<java.nio.file.Path> files;
        try (Stream<java.nio.file.Path> walk = Files.walk(classes)) {
            files = walk.filter(f -> f.toString().endsWith(".class")).toList();
        }
        for (java.nio.file.Path file : files) {
            String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
            Class<?> type;
            try {
                type = Class.forName(name, false, ApiDocumentationIT.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            Path root = type.getAnnotation(Path.class);
            if (root == null || !trim(root.value()).startsWith("api/")) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String verb = Arrays.stream(method.getAnnotations())
                        .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                        .filter(a -> a != null).map(HttpMethod::value).findFirst().orElse(null);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = "/" + trim(root.value()) + (sub == null ? "" : "/" + trim(sub.value()));
                // two Java methods may share one operation (the photo as bytes or as a copy): keep either
                operations.putIfAbsent(verb + " " + path, method);
            }
        }
        return operations;
    }

    /** The name of a path, query or header parameter; null for the body and injected values. */
    private static String parameterName(java.lang.reflect.Parameter parameter) {
        if (parameter.isAnnotationPresent(PathParam.class)) {
            return parameter.getAnnotation(PathParam.class).value();
        }
        if (parameter.isAnnotationPresent(QueryParam.class)) {
            return parameter.getAnnotation(QueryParam.class).value();
        }
        if (parameter.isAnnotationPresent(HeaderParam.class)) {
            return parameter.getAnnotation(HeaderParam.class).value();
        }
        return null;
    }

    /** Every media type the Java methods of one operation consume. */
    private static Set<String> consumedTypes(String operation, Map<String, Method> implemented) {
        Method any = implemented.get(operation);
        Set<String> types = new TreeSet<>();
        for (Method method : any.getDeclaringClass().getDeclaredMethods()) {
            Path sub = method.getAnnotation(Path.class);
            Path root = method.getDeclaringClass().getAnnotation(Path.class);
            String path = "/" + trim(root.value()) + (sub == null ? "" : "/" + trim(sub.value()));
            String verb = Arrays.stream(method.getAnnotations())
                    .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                    .filter(a -> a != null).map(HttpMethod::value).findFirst().orElse(null);
            Consumes consumes = method.getAnnotation(Consumes.class);
            if (consumes != null && (verb + " " + path).equals(operation)) {
                types.addAll(List.of(consumes.value()));
            }
        }
        return types;
    }

    private static String trim(String path) {
        return path.replaceAll("^/+", "").replaceAll("/+$", "");
    }

    private JsonObject resolve(JsonValue value) {
        JsonObject object = value.asJsonObject();
        if (!object.containsKey("$ref")) {
            return object;
        }
        JsonObject target = document;
        for (String part : object.getString("$ref").substring(2).split("/")) {
            target = target.getJsonObject(part);
        }
        return target;
    }

    /** The JSON pointers at which two documents differ, for a failure one can read. */
    private static List<String> differences(String at, JsonNode expected, JsonNode actual) {
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            // Payara leaves out the members of examples that are null or empty lists: the same as absent here
            return names.stream().filter(name -> !(absent(expected.path(name)) && absent(actual.path(name))))
                    .flatMap(name -> differences(at + "/" + name, expected.path(name), actual.path(name)).stream())
                    .toList();
        }
        if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            List<String> found = new java.util.ArrayList<>();
            for (int i = 0; i < expected.size(); i++) {
                found.addAll(differences(at + "/" + i, expected.get(i), actual.get(i)));
            }
            return found;
        }
        boolean same = expected.isNumber() && actual.isNumber()
                ? expected.decimalValue().compareTo(actual.decimalValue()) == 0 : expected.equals(actual);
        return same ? List.of() : List.of(at + ": " + expected + " served as " + actual);
    }

    private static boolean absent(JsonNode member) {
        return member.isMissingNode() || member.isNull() || member.isArray() && member.isEmpty();
    }

    private static void collectRecords(Class<?> type, Map<String, Class<?>> into) {
        if (!type.isRecord() || into.containsValue(type)) {
            return;
        }
        into.put(type.getSimpleName(), type);
        for (RecordComponent component : type.getRecordComponents()) {
            collectRecords(component.getType(), into);
            Type generic = component.getGenericType();
            if (generic instanceof ParameterizedType parameterized) {
                for (Type argument : parameterized.getActualTypeArguments()) {
                    if (argument instanceof Class<?> element) {
                        collectRecords(element, into);
                    }
                }
            }
        }
    }
}
