package com.assuregateway.platform.boundary;

import com.assuregateway.security.entity.Role;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * Root of every JAX-RS resource. Resources carry their full path ({@code api/v1/...}, {@code sandbox/...})
 * so the portal API and the built-in sandbox sit side by side under one application. Portal calls are
 * authenticated with MicroProfile JWT bearer tokens (configured by the standard {@code mp.jwt.verify.*} keys).
 * <p>
 * A CDI bean on purpose: Payara's JWT support looks for {@code @LoginConfig} among discovered beans.
 */
@ApplicationScoped
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Role.PORTAL, Role.REVIEWER, Role.AUDITOR, Role.ADMIN})
public class GatewayApplication extends Application {

    /**
     * No generated WADL: {@code /application.wadl} and every {@code OPTIONS} answered anonymously with a
     * machine-readable map of all resources, the sandbox's and internal ones included. The documented surface
     * is the OpenAPI document; {@code OPTIONS} keeps Jersey's plain answer (an {@code Allow} header, no body).
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
