package com.assuregateway.reporting.boundary;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link ProcessPage} with {@link ProcessJson} instead of JSON-B: the page is the audit API's
 * hot path, and JSON-B was a fifth of its time (docs/audit-plans.md).
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class ProcessPageWriter implements MessageBodyWriter<ProcessPage> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == ProcessPage.class;
    }

    @Override
    public void writeTo(ProcessPage page, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream entityStream)
            throws IOException {
        StringBuilder json = new StringBuilder(1024 + page.items().size() * 1024);
        json.append("{\"items\":[");
        for (int i = 0; i < page.items().size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            ProcessJson.object(json, page.items().get(i));
        }
        json.append("],\"limit\":").append(page.limit()).append(",\"nextCursor\":");
        ProcessJson.value(json, page.nextCursor());
        json.append(",\"total\":").append(page.total()).append('}');
        entityStream.write(json.toString().getBytes(StandardCharsets.UTF_8));
    }
}
