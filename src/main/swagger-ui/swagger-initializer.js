// The document is the one this server publishes (MicroProfile OpenAPI, at the server's root).
// validatorUrl null: the document is never sent to an outside validator.
window.onload = function () {
    window.ui = SwaggerUIBundle({
        url: "/openapi?format=json",
        dom_id: "#swagger-ui",
        deepLinking: true,
        validatorUrl: null,
        presets: [SwaggerUIBundle.presets.apis],
        layout: "BaseLayout"
    });
};
