package com.assuregateway.assure.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.sandbox.boundary.SandboxAssureResource;
import com.assuregateway.testsupport.OpenApiSpec;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The REST client and the built-in sandbox against Signicat's published contract: every operation either of
 * them speaks must be an operation of assure-openapi.json, and the sandbox must serve every one the client
 * calls. A typo in a path fails here, not in production.
 */
class AssureClientContractTest {

    @Test
    void everyClientOperationIsInTheContract() {
        Set<String> client = operations(AssureClient.class, "");
        assertThat(client).hasSize(12);
        assertThat(OpenApiSpec.operations()).containsAll(client);
    }

    @Test
    void theSandboxServesEveryOperationTheClientCalls() {
        Set<String> sandbox = operations(SandboxAssureResource.class, "sandbox/assure");
        assertThat(OpenApiSpec.operations()).containsAll(sandbox);
        assertThat(sandbox).containsAll(operations(AssureClient.class, ""));
    }

    @Test
    void theContractDocumentsNotReadyDownloadsAsNoContent() {
        assertThat(OpenApiSpec.statuses("GET", "/dossiers/{dossierId}/processes/{processId}/download"))
                .contains("200", "204");
    }

    /** "METHOD /path" of each resource method, with the class-level path and without the given prefix. */
    static Set<String> operations(Class<?> type, String prefix) {
        String root = path(type.getAnnotation(Path.class));
        if (root.startsWith(prefix)) {
            root = root.substring(prefix.length());
        }
        Set<String> operations = new TreeSet<>();
        for (Method method : type.getMethods()) {
            String verb = verb(method);
            if (verb != null) {
                String sub = path(method.getAnnotation(Path.class));
                String full = "/" + String.join("/", java.util.stream.Stream.of(root, sub)
                        .filter(s -> !s.isEmpty()).toList());
                operations.add(verb + " " + full.replaceAll("/+", "/"));
            }
        }
        return operations;
    }

    private static String path(Path path) {
        if (path == null) {
            return "";
        }
        return path.value().replaceAll("^/+|/+$", "");
    }

    private static String verb(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        if (method.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        return null;
    }
}
