package com.assuregateway.sandbox.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.assuregateway.shared.control.Jsonp;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The resource reads JSON bodies from the request stream; it must answer exactly as it did when the container
 * handed it the body as a String (blank → empty, else parsed, else 400 "not a JSON object").
 */
class SandboxAssureBodyTest {

    @Test
    void answersAsTheStringBasedParsingDid() {
        String image = "data:image/jpeg;base64," + "A".repeat(300_000);
        String[] bodies = {
            "", " ", " \r\n\t ", "\u000B", " \u000B\u2003 ", "\u000B{}", " \u001C {\"a\":1}",
            "{}", "  {\"externalReference\":\"x\"}  ", "{\"selfie\":\"" + image + "\"}", "\n{\"a\":[1,2,{\"b\":null}]}\n",
            "[]", "[1]", "\"text\"", "42", "null", "{", "{\"a\":}", "{}x", "{} {}", "\uFEFF{}", "{\"é\":\"ü€\"}",
            "\u00A0{}", "\u2028"
        };
        for (String body : bodies) {
            assertThat(outcome(body)).as("body %s", body.length() > 40 ? body.substring(0, 40) : body)
                    .isEqualTo(reference(body));
        }
    }

    @Test
    void aMissingBodyIsEmpty() {
        assertThat(SandboxAssureResource.read(null, null)).isEmpty();
        SandboxProblem required = catchThrowableOfType(
                () -> SandboxAssureResource.parse(InputStream.nullInputStream(), null), SandboxProblem.class);
        assertThat(required.status()).isEqualTo(400);
        assertThat(required.detail()).isEqualTo("A JSON request body is required");
    }

    private static String outcome(String body) {
        try {
            Optional<JsonObject> read = SandboxAssureResource.read(
                    new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), null);
            return read.map(JsonObject::toString).orElse("blank");
        } catch (SandboxProblem e) {
            return e.status() + " " + e.detail();
        }
    }

    /** What the resource did with a String body before it read the stream. */
    private static String reference(String body) {
        if (body.isBlank()) {
            return "blank";
        }
        try (JsonReader reader = Jsonp.PROVIDER.createReader(new StringReader(body))) {
            return reader.readObject().toString();
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            return "400 The request body is not a JSON object";
        }
    }
}
