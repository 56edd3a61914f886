package io.camelretool.example.intake.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static final long NOW = 1_800_000_000L;
    private static final byte[] BODY = "{\"email\":\"a@example.com\"}".getBytes(StandardCharsets.UTF_8);
    private final WebhookSignature signature = new WebhookSignature("s3cret".getBytes(StandardCharsets.UTF_8),
            Duration.ofSeconds(300), Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    @Test
    void acceptsWhatItSignedAndMatchesOpenssl() {
        // printf '1800000000.{"email":"a@example.com"}' | openssl dgst -sha256 -hmac s3cret
        assertThat(signature.sign(NOW, BODY))
                .isEqualTo("sha256=02eabfe598a5bf3129b117919cb25ac1aeaf8fbb4abe47b6f7ee7af277967407");
        assertThat(signature.verify(String.valueOf(NOW), signature.sign(NOW, BODY), BODY).valid()).isTrue();
        assertThat(signature.verify(" " + NOW + " ", signature.sign(NOW, BODY).toUpperCase(java.util.Locale.ROOT).replace("SHA256=",
                "sha256="), BODY).valid()).isTrue();
    }

    @Test
    void refusesEachKindOfBadSignatureWithAReasonThatRevealsNothing() {
        String good = signature.sign(NOW, BODY);
        assertThat(signature.verify(null, good, BODY).reason()).contains("X-Signup-Timestamp is missing");
        assertThat(signature.verify(String.valueOf(NOW), null, BODY).reason()).contains("X-Signup-Signature is missing");
        assertThat(signature.verify("yesterday", good, BODY).reason()).contains("not unix seconds");
        assertThat(signature.verify(String.valueOf(NOW - 301), signature.sign(NOW - 301, BODY), BODY).reason())
                .contains("too old");
        assertThat(signature.verify(String.valueOf(NOW + 301), signature.sign(NOW + 301, BODY), BODY).reason())
                .contains("too far in the future");
        assertThat(signature.verify(String.valueOf(NOW), "md5=abc", BODY).reason()).contains("64 hex digits");
        assertThat(signature.verify(String.valueOf(NOW), "sha256=" + "zz".repeat(32), BODY).reason())
                .contains("64 hex digits");
        WebhookSignature.Check tampered = signature.verify(String.valueOf(NOW), good,
                "{\"email\":\"b@example.com\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(tampered.valid()).isFalse();
        assertThat(tampered.reason()).contains("does not match").doesNotContain(good.substring(7))
                .doesNotContain("s3cret");
        assertThat(signature.verify(String.valueOf(NOW - 1), good, BODY).valid()).isFalse();
    }
}
