package com.assuregateway.reporting.boundary;

import com.assuregateway.shared.control.Jsonp;
import com.assuregateway.reporting.control.AuditPermits.Permit;
import com.assuregateway.reporting.control.AuditQueries;
import com.assuregateway.reporting.control.AuditQueries.Page;
import com.assuregateway.reporting.entity.ProcessSummary;
import com.assuregateway.reporting.control.ProcessFilter;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Writes the processes of a filter as CSV or NDJSON, one keyset page at a time: a page is read (on a
 * connection given back at once), written, and only then is the next one read, so memory holds one page and
 * a slow client holds the export's permit but no connection. The first line says what the export holds (filter, order, when); the last line says it is
 * complete and how many rows it has, so a reader can tell a whole export from one cut off mid-way (once
 * streaming has begun a failure can no longer change the HTTP status).
 */
final class ProcessExport implements StreamingOutput {

    enum Format {
        CSV("text/csv;charset=UTF-8", "csv"),
        NDJSON("application/x-ndjson", "ndjson");

        final String mediaType;
        final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }
    }

    private static final Logger LOG = Logger.getLogger(ProcessExport.class.getName());
    private static final int BUFFER_CHARS = 64 * 1024;
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final String QUOTED_CHARACTERS = ",;\t\"\r\n";

    private final AuditQueries queries;
    private final ProcessFilter filter;
    private final Format format;
    private final Instant generatedAt;
    private final Page first;
    private final Permit permit;
    private final StringBuilder line = new StringBuilder(1024);

    /** {@code first} was read before the answer began, so that its failure still had a status of its own. */
    ProcessExport(AuditQueries queries, ProcessFilter filter, Format format, Instant generatedAt, Page first,
                  Permit permit) {
        this.queries = queries;
        this.filter = filter;
        this.format = format;
        this.generatedAt = generatedAt;
        this.first = first;
        this.permit = permit;
    }

    String fileName() {
        return "processes-" + generatedAt.toString().replaceAll("[-:]|\\.\\d+", "") + "." + format.extension;
    }

    /** The permit comes back however this ends: complete, a page that failed, or a client that went away. */
    @Override
    public void write(OutputStream output) throws IOException {
        try {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), BUFFER_CHARS);
            header(out);
            long rows = 0;
            for (Page page = first; ; page = queries.exportPage(filter, page.next())) {
                for (ProcessSummary row : page.rows()) {
                    row(out, AuditProcessView.of(row));
                }
                rows += page.rows().size();
                if (page.next() == null) {
                    break;
                }
            }
            trailer(out, rows);
            out.flush();
        } catch (IOException | RuntimeException e) {
            // no row data in the log: only that the export broke off, and why
            LOG.warning(() -> "Audit export (" + format + ") broke off: " + e.getClass().getName());
            throw e;
        } finally {
            permit.close();
        }
    }

    private void header(Writer out) throws IOException {
        Map<String, String> parameters = filter.parameters();
        if (format == Format.CSV) {
            out.write("# assure-gateway audit export of processes; generatedAt=" + generatedAt + "; filter="
                    + parameters.entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&")) + "\r\n");
            out.write(String.join(",", AuditProcessView.FIELDS) + "\r\n");
        } else {
            JsonObjectBuilder filterJson = Jsonp.PROVIDER.createObjectBuilder();
            parameters.forEach(filterJson::add);
            out.write(Jsonp.PROVIDER.createObjectBuilder().add("export", "processes").add("generatedAt", generatedAt.toString())
                    .add("filter", filterJson).add("fields", Jsonp.PROVIDER.createArrayBuilder(AuditProcessView.FIELDS))
                    .build().toString() + "\n");
        }
    }

    /** Each row is formed in one reused buffer and written at once: the writer's per-call locking stays off the hot path. */
    private void row(Writer out, AuditProcessView view) throws IOException {
        line.setLength(0);
        if (format == Format.CSV) {
            csvRow(line, view);
        } else {
            ProcessJson.object(line, view);
            line.append('\n');
        }
        out.append(line);
    }

    private static void csvRow(StringBuilder line, AuditProcessView view) {
        List<Object> values = view.values();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            Object value = values.get(i);
            if (value instanceof Instant instant) {
                IsoInstant.append(line, instant);
            } else {
                line.append(csvCell(value));
            }
        }
        line.append("\r\n");
    }

    private void trailer(Writer out, long rows) throws IOException {
        if (format == Format.CSV) {
            out.write("# complete; rows=" + rows + "\r\n");
        } else {
            out.write(Jsonp.PROVIDER.createObjectBuilder().add("complete", true).add("rows", rows).build().toString() + "\n");
        }
    }

    /**
     * RFC 4180 quoting, also for the separators a spreadsheet may guess instead of the comma (semicolon, tab);
     * a text that a spreadsheet would run as a formula (a portal's externalReference starting with =, +, -,
     * @, tab or CR: OWASP's CSV injection list) is prefixed with an apostrophe, quoted or not, so opening the
     * file runs nothing.
     */
    static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (value instanceof String && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (needsQuotes(text)) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static boolean needsQuotes(String text) {
        if (text.startsWith("#")) {
            return true; // not a comment line of the export
        }
        for (int i = 0; i < text.length(); i++) {
            if (QUOTED_CHARACTERS.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Percent-encodes only what would break the header line's syntax, so instants stay readable. */
    static String encode(String value) {
        StringBuilder encoded = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c < 0x20 || "%&=;#".indexOf(c) >= 0) {
                encoded.append('%').append(String.format("%02X", (int) c));
            } else {
                encoded.append(c);
            }
        }
        return encoded.toString();
    }
}
