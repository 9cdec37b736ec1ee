package com.assuregateway.platform.boundary;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /api-docs} and {@code /api-docs/} lead to Swagger UI's page: the default servlet, mapped by prefix
 * (see {@link StaticFiles}), serves files but no welcome file for a directory.
 */
@WebServlet(urlPatterns = {"/api-docs", "/api-docs/"})
public class ApiDocsRedirect extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/api-docs/index.html");
    }
}
