package io.camelretool.benchmarks.micro;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.camelretool.example.intake.webhook.WebhookSignature;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The webhook's {@link WebhookSignature#verify} of a signed request of ten signups (about 1 KiB), against the
 * baseline of the HMAC-SHA256 alone over the same bytes: the difference is the headers' checks, the hex and the
 * constant-time comparison.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WebhookSignatureBenchmark {

    private static final byte[] SECRET = "a-webhook-secret-of-32-bytes-ok!".getBytes(StandardCharsets.US_ASCII);
    private static final long TIMESTAMP = 1_790_000_000L;

    private final byte[] body = body();
    private final WebhookSignature signature = new WebhookSignature(SECRET, Duration.ofMinutes(5),
            Clock.fixed(Instant.ofEpochSecond(TIMESTAMP), ZoneOffset.UTC));
    private final String timestampHeader = Long.toString(TIMESTAMP);
    private final String signatureHeader = signature.sign(TIMESTAMP, body);
    private final SecretKeySpec key = new SecretKeySpec(SECRET, "HmacSHA256");

    @Benchmark
    public boolean verify() {
        return signature.verify(timestampHeader, signatureHeader, body).valid();
    }

    @Benchmark
    public byte[] hmacOnly() throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        mac.update((timestampHeader + ".").getBytes(StandardCharsets.US_ASCII));
        return mac.doFinal(body);
    }

    private static byte[] body() {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 10; i++) {
            json.append(i == 0 ? "" : ",").append("{\"email\":\"user").append(i)
                    .append("@example.com\",\"firstName\":\"First\",\"lastName\":\"Last\",\"company\":\"Example Ltd\","
                            + "\"groups\":[4],\"attributes\":{\"plan\":\"gold\"}}");
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }
}
