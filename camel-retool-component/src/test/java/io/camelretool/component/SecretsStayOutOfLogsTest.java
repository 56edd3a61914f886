package io.camelretool.component;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The API key appears in no log line and no exception message, whatever happens to a call. */
class SecretsStayOutOfLogsTest extends RetoolTestSupport {

    @Test
    void theApiKeyAppearsNowhereInLogsOrExceptionsAcrossSuccessesAndFailures() throws Exception {
        String key = retool.apiKey();
        List<String> messages = new ArrayList<>();
        messages.add(describe(send("retool:invite", "ok@example.com")));
        messages.add(describe(send("retool:invite", "broken")));
        messages.add(describe(send("retool:invite?apiKey=RAW(retool_wrong_secret_123)", "a@example.com")));
        sandbox().faults().htmlRate(1.0);
        messages.add(describe(send("retool:invite", "b@example.com")));
        sandbox().faults().clear().dropConnectionRate(1.0);
        messages.add(describe(send("retool:invite", "c@example.com")));
        sandbox().faults().clear().latency(Duration.ofMillis(800), Duration.ZERO);
        messages.add(describe(send("retool:invite?requestTimeout=200", "d@example.com")));
        sandbox().faults().clear().rateLimitedRate(1.0);
        messages.add(describe(send("retool:invite?maxRetries=1", "e@example.com")));
        sandbox().faults().clear();
        messages.add(describe(send("retool:invite?baseUrl=http://127.0.0.1:1", "f@example.com")));

        // the file appender flushes every line, so the file is complete here
        String logs = Files.readString(Path.of("target/test-logs/component.log"), StandardCharsets.UTF_8);

        assertThat(logs).contains("Invited ok@example.com");
        assertThat(logs).doesNotContain(key).doesNotContain("retool_wrong_secret_123");
        assertThat(messages).hasSize(8).allSatisfy(message -> assertThat(message)
                .doesNotContain(key).doesNotContain("retool_wrong_secret_123"));
        assertThat(context.getEndpoint("retool:invite?apiKey=RAW(retool_wrong_secret_123)").toString())
                .doesNotContain("retool_wrong_secret_123");
    }

    private static String describe(Exchange exchange) {
        Throwable failure = exchange.getException();
        StringBuilder text = new StringBuilder(String.valueOf(exchange.getMessage().getBody()));
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append('\n').append(cause);
        }
        return text.toString();
    }
}
