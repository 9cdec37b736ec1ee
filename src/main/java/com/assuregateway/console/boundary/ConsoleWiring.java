package com.assuregateway.console.boundary;

import com.assuregateway.settings.control.ConsoleSettings;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The JAX-RS application is mapped to {@code /*}, which outranks the container's {@code *.jsp} mapping: the
 * views Jakarta MVC forwards to and the console's static files get more specific mappings here. The session
 * cookie, the console's only state in the browser, is HttpOnly, SameSite=Lax (Strict would drop it on the
 * identity provider's redirect back) and Secure unless {@code gateway.console.secure-cookie=false}.
 */
@WebListener
public class ConsoleWiring implements ServletContextListener {

    static final String COOKIE = "console_session";
    private static final Logger LOG = Logger.getLogger(ConsoleWiring.class.getName());

    @Inject
    @ConfigProperties
    ConsoleSettings settings;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        map(context, "jsp", "/WEB-INF/views/*");
        map(context, "default", "/console/static/*");
        SessionCookieConfig cookie = context.getSessionCookieConfig();
        cookie.setName(COOKIE);
        cookie.setHttpOnly(true);
        cookie.setSecure(settings.secureCookie());
        cookie.setPath(context.getContextPath() + "/console");
        cookie.setAttribute("SameSite", "Lax");
    }

    private static void map(ServletContext context, String servlet, String path) {
        ServletRegistration registration = context.getServletRegistration(servlet);
        if (registration == null) {
            LOG.warning("No servlet named '" + servlet + "' in this container: the console cannot serve " + path);
            return;
        }
        registration.addMapping(path);
    }
}
