package com.assuregateway.platform.boundary;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;

/**
 * Lets the container's default servlet serve Swagger UI (the page in {@code api-docs/}, the webjar it loads
 * from {@code webjars/}). The JAX-RS application is mapped to the root ({@code /*}) and would otherwise answer
 * every path; a more specific mapping wins. web.xml cannot name the default servlet (Payara declares it in its
 * own default-web.xml), so the mapping is added here.
 */
@WebListener
public class StaticFiles implements ServletContextListener {

    static final String[] PATHS = {"/api-docs/*", "/webjars/*"};
    private static final Logger LOG = Logger.getLogger(StaticFiles.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletRegistration defaultServlet = event.getServletContext().getServletRegistration("default");
        if (defaultServlet == null) {
            LOG.warning("No servlet named 'default' in this container: Swagger UI at /api-docs/ is not served");
            return;
        }
        defaultServlet.addMapping(PATHS);
    }
}
