package com.assuregateway.reporting.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** CSV cells as a spreadsheet reads them, and a header line whose syntax no filter value can break. */
class ProcessExportTest {

    @Test
    void cellsAreQuotedWhenTheyMustBeAndFormulasAreDefused() {
        assertThat(ProcessExport.csvCell(null)).isEmpty();
        assertThat(ProcessExport.csvCell("plain")).isEqualTo("plain");
        assertThat(ProcessExport.csvCell(7)).isEqualTo("7");
        assertThat(ProcessExport.csvCell(Boolean.TRUE)).isEqualTo("true");
        assertThat(ProcessExport.csvCell(Instant.parse("2026-07-01T00:00:00.5Z"))).isEqualTo("2026-07-01T00:00:00.500Z");
        assertThat(ProcessExport.csvCell("a,b")).isEqualTo("\"a,b\"");
        assertThat(ProcessExport.csvCell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ProcessExport.csvCell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(ProcessExport.csvCell("#not-a-comment")).isEqualTo("\"#not-a-comment\"");
        assertThat(ProcessExport.csvCell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ProcessExport.csvCell("+1")).isEqualTo("'+1");
        assertThat(ProcessExport.csvCell("@sum")).isEqualTo("'@sum");
        assertThat(ProcessExport.csvCell("-2")).isEqualTo("'-2");
    }

    @Test
    void separatorsASpreadsheetMayGuessAreQuotedToo() {
        assertThat(ProcessExport.csvCell("a;b")).isEqualTo("\"a;b\"");
        assertThat(ProcessExport.csvCell("a\tb")).isEqualTo("\"a\tb\"");
        assertThat(ProcessExport.csvCell("cr\ronly")).isEqualTo("\"cr\ronly\"");
    }

    @Test
    void everyFormulaStartIsDefusedQuotedOrNot() {
        // OWASP CSV injection: =, +, -, @, tab and carriage return start a formula in some spreadsheet
        assertThat(ProcessExport.csvCell("=1+1")).isEqualTo("'=1+1");
        assertThat(ProcessExport.csvCell("\t=cmd")).isEqualTo("\"'\t=cmd\"");
        assertThat(ProcessExport.csvCell("\r=cmd")).isEqualTo("\"'\r=cmd\"");
        assertThat(ProcessExport.csvCell("=cmd;x")).isEqualTo("\"'=cmd;x\"");
        assertThat(ProcessExport.csvCell("@SUM(A1;A2)")).isEqualTo("\"'@SUM(A1;A2)\"");
        assertThat(ProcessExport.csvCell("-1,5")).isEqualTo("\"'-1,5\"");
        // a number the gateway wrote itself is a value, not a text a portal chose
        assertThat(ProcessExport.csvCell(-3)).isEqualTo("-3");
        assertThat(ProcessExport.csvCell("a=b")).isEqualTo("a=b");
    }

    @Test
    void anNdjsonRowIsOneJsonObjectWithEveryValueIntact() {
        String awkward = "quote \" backslash \\ newline \n tab \t bell \u0007 é ✓";
        AuditProcessView view = new AuditProcessView("p", "d", "t", awkward, "facetec", "accepted", "accepted",
                "accepted", "reason", 8, 6, true, null, null, null, null, Instant.parse("2026-07-01T00:00:00.123456Z"),
                Instant.parse("2026-07-01T00:00:01Z"), null, null, null, "ab", null);
        StringBuilder line = new StringBuilder();
        ProcessJson.object(line, view);
        line.append('\n');

        assertThat(line).endsWith("}\n");
        assertThat(line.toString().trim()).doesNotContain("\n");
        JsonObject json = Json.createReader(new StringReader(line.toString())).readObject();
        assertThat(json.keySet()).containsExactlyElementsOf(AuditProcessView.FIELDS);
        assertThat(json.getString("externalReference")).isEqualTo(awkward);
        assertThat(json.getInt("matchLevel")).isEqualTo(8);
        assertThat(json.getBoolean("agreesWithAssure")).isTrue();
        assertThat(json.isNull("livenessSuccess")).isTrue();
        assertThat(json.getString("createdAt")).isEqualTo("2026-07-01T00:00:00.123456Z");
    }

    @Test
    void headerValuesKeepTheirSyntaxCharactersEncoded() {
        assertThat(ProcessExport.encode("2026-07-01T00:00:00Z")).isEqualTo("2026-07-01T00:00:00Z");
        assertThat(ProcessExport.encode("a&b=c;d%e#f\r\n")).isEqualTo("a%26b%3Dc%3Bd%25e%23f%0D%0A");
    }
}
