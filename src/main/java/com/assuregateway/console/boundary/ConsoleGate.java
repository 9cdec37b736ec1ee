package com.assuregateway.console.boundary;

import com.assuregateway.security.control.DeploymentPosture;
import com.assuregateway.settings.control.ConsoleOidcSettings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Every console response carries a strict Content-Security-Policy (scripts and styles from the console's own
 * static files only, no inline code, no framing) and is never cached: the pages show personal data and the
 * evidence shows faces. A request without a signed-in user is sent to the sign-in page, except the sign-in
 * pages themselves and the static files. Which role a page needs is the page's own check. While the deployment's
 * posture has violations, the console serves nothing (503), like the API.
 */
@WebFilter(urlPatterns = "/console/*")
public class ConsoleGate extends HttpFilter {

    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'%s; frame-ancestors 'none'; base-uri 'none'";
    private static final String STATIC = "/console/static/";
    private static final String[] OPEN = {"/console/login", STATIC, "/console/oidc"};

    @Inject
    DeploymentPosture posture;

    @Inject
    @ConfigProperties
    ConsoleOidcSettings oidc;

    private volatile String policy;

    /**
     * The policy; with an identity provider, its origin may end a form's redirects too: signing out (a POST)
     * continues at the provider's logout, and browsers hold {@code form-action} to every redirect of a form.
     */
    static String policy(Optional<String> issuer) {
        return String.format(POLICY, issuer.map(URI::create).filter(uri -> uri.getScheme() != null && uri.getHost() != null)
                .map(uri -> " " + uri.getScheme() + "://" + uri.getRawAuthority()).orElse(""));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (policy == null) {
            policy = policy(oidc.issuer());
        }
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!posture.violations().isEmpty()) {
            // as the API (PostureGuard): nothing is served while the configuration is unsafe
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        if (path.startsWith(STATIC)) {
            chain.doFilter(request, response);
            return;
        }
        if (SignedIn.user(request) == null && !open(path)) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + "/console/login");
            return;
        }
        // the session (and Krazo's CSRF token in it) exists before the page is written, so its cookie can be
        // given the SameSite attribute Payara Micro does not add from SessionCookieConfig
        request.getSession(true);
        sameSite(response);
        chain.doFilter(request, response);
    }

    /** Adds {@code SameSite=Lax} to the session cookie about to be sent, if the container left it out. */
    static void sameSite(HttpServletResponse response) {
        java.util.List<String> cookies = java.util.List.copyOf(response.getHeaders("Set-Cookie"));
        if (cookies.stream().noneMatch(c -> c.startsWith(ConsoleWiring.COOKIE + "=") && !c.contains("SameSite"))) {
            return;
        }
        boolean first = true;
        for (String cookie : cookies) {
            String fixed = cookie.startsWith(ConsoleWiring.COOKIE + "=") && !cookie.contains("SameSite")
                    ? cookie + "; SameSite=Lax" : cookie;
            if (first) {
                response.setHeader("Set-Cookie", fixed);
                first = false;
            } else {
                response.addHeader("Set-Cookie", fixed);
            }
        }
    }

    static boolean open(String path) {
        for (String prefix : OPEN) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
