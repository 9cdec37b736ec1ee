package com.assuregateway.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * Root of every JAX-RS resource. Resources carry their full path ({@code api/v1/...}, {@code sandbox/...})
 * so the portal API and the built-in sandbox sit side by side under one application.
 */
@ApplicationPath("/")
public class GatewayApplication extends Application {
}
