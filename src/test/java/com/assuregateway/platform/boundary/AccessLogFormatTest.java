package com.assuregateway.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The access log the operator's post-boot commands switch on records no query string (audit filters carry
 * personal data such as externalReference) and no text a client chose (headers, cookies), which could forge
 * lines or carry personal data.
 */
class AccessLogFormatTest {

    @Test
    void theAccessLogHasNoQueryStringAndNoClientChosenText() throws Exception {
        String commands = Files.readString(Path.of("server-config/post-boot-commands.asadmin"));
        Matcher format = Pattern.compile("access-log\\.format=\"([^\"]*)\"").matcher(commands);
        assertThat(format.find()).as("the access-log format is set").isTrue();
        assertThat(commands).contains("access-logging-enabled=true");
        assertThat(format.group(1)).contains("%http-method%", "%http-uri%", "%status%")
                .doesNotContain("%request%", "%query-str%", "%header.", "%headers.", "%cookie", "%user.agent%",
                        "%referer%", "%attribute.", "%session.");
    }
}
