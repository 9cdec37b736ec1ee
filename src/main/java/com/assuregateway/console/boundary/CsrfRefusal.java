package com.assuregateway.console.boundary;

import jakarta.annotation.Priority;
import jakarta.mvc.security.CsrfValidationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A console form without its CSRF token, or with a stale one (a page older than the session, or a forged
 * request): 403 as a console page that says what to do, where Krazo's own mapper, which this one precedes,
 * answers an empty 403 that leaves a reviewer before a blank page. Only console forms are CSRF-checked. The page
 * is written here, not by a view: Krazo renders views for controller answers only, not for mapped exceptions.
 */
@Provider
@Priority(Priorities.USER - 100)
public class CsrfRefusal implements ExceptionMapper<CsrfValidationException> {

    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>This form cannot be sent &middot; Assure Gateway console</title>
            <link rel="stylesheet" href="%1$s/console/static/console.css">
            </head>
            <body>
            <header class="top"><span class="brand">Assure Gateway</span></header>
            <main id="main">
            <h1>This form cannot be sent</h1>
            <p role="alert">The form did not come from a console page of your session (the page may be older than
            your sign-in). Nothing was changed. Go back, reload the page and send the form again.</p>
            <p><a href="%1$s/console/">Back to the dashboard</a></p>
            </main>
            </body>
            </html>
            """;

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(CsrfValidationException refused) {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(PAGE.formatted(request.getContextPath())).build();
    }
}
