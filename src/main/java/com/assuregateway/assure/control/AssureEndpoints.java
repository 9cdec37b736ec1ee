package com.assuregateway.assure.control;

import com.assuregateway.settings.control.AssureSettings;
import com.assuregateway.settings.control.SandboxSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where Assure and its token endpoint are. Configured URLs always win. Without them the gateway talks to
 * its own built-in sandbox when that is enabled, reached over loopback HTTP on the port this server
 * listens on (learned from the first request, so {@code --port N} needs no second setting), and to
 * Signicat's production hosts when it is not.
 */
@ApplicationScoped
public class AssureEndpoints {

    static final String SIGNICAT_ASSURE = "https://api.signicat.com/assure";
    static final String SIGNICAT_TOKEN = "https://api.signicat.com/auth/open/connect/token";

    @Inject
    @ConfigProperty(name = "assure/mp-rest/url")
    Optional<String> configuredAssureUrl;

    @Inject
    @ConfigProperties
    AssureSettings settings;

    @Inject
    @ConfigProperties
    SandboxSettings sandboxMode;

    @Inject
    @ConfigProperty(name = "assure/mp-rest/connectTimeout", defaultValue = "5000")
    long connectTimeoutMs;

    @Inject
    @ConfigProperty(name = "assure/mp-rest/readTimeout", defaultValue = "30000")
    long readTimeoutMs;

    private volatile int localPort;

    /** Milliseconds to wait for a connection to Assure or its token endpoint. */
    public long connectTimeoutMs() {
        return connectTimeoutMs;
    }

    /** Milliseconds to wait for an answer once connected. */
    public long readTimeoutMs() {
        return readTimeoutMs;
    }

    public boolean sandboxEnabled() {
        return sandboxMode.enabled();
    }

    public URI assure() {
        return URI.create(configuredAssureUrl.orElseGet(() -> sandboxMode.enabled() ? sandbox("assure") : SIGNICAT_ASSURE));
    }

    public URI token() {
        return URI.create(settings.tokenUrl().orElseGet(
                () -> sandboxMode.enabled() ? sandbox("auth/open/connect/token") : SIGNICAT_TOKEN));
    }

    /** Whether the base URL still depends on a port this server has not seen yet. */
    public boolean awaitsLocalPort() {
        return configuredAssureUrl.isEmpty() && sandboxMode.enabled() && localPort == 0;
    }

    public void observeLocalPort(int port) {
        if (localPort == 0 && port > 0) {
            localPort = port;
        }
    }

    private String sandbox(String path) {
        int port = localPort > 0 ? localPort : Integer.getInteger("payaramicro.port", 8080);
        return "http://127.0.0.1:" + port + "/sandbox/" + path;
    }
}
