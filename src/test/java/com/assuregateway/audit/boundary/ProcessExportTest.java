package com.assuregateway.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;

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
    void headerValuesKeepTheirSyntaxCharactersEncoded() {
        assertThat(ProcessExport.encode("2026-07-01T00:00:00Z")).isEqualTo("2026-07-01T00:00:00Z");
        assertThat(ProcessExport.encode("a&b=c;d%e#f\r\n")).isEqualTo("a%26b%3Dc%3Bd%25e%23f%0D%0A");
    }
}
