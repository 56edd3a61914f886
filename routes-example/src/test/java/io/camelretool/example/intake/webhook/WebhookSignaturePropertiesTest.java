package io.camelretool.example.intake.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

/** What holds for every secret, body, timestamp and header a sender or an attacker can send. */
class WebhookSignaturePropertiesTest {

    private static final long NOW = 1_800_000_000L;
    private static final Duration WINDOW = Duration.ofSeconds(300);
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);

    @Property(tries = 300)
    void whatIsSignedWithTheSecretInTheWindowVerifies(@ForAll @Size(min = 1, max = 64) byte[] secret,
                                                      @ForAll @Size(max = 2000) byte[] body,
                                                      @ForAll @IntRange(min = -300, max = 300) int offset) {
        WebhookSignature signature = new WebhookSignature(secret, WINDOW, CLOCK);
        long timestamp = NOW + offset;

        assertThat(signature.verify(String.valueOf(timestamp), signature.sign(timestamp, body), body).valid()).isTrue();
    }

    @Property(tries = 300)
    void anyOneByteChangeToTheBodyFails(@ForAll @Size(min = 1, max = 64) byte[] secret,
                                        @ForAll @Size(min = 1, max = 2000) byte[] body, @ForAll int position,
                                        @ForAll @IntRange(min = 1, max = 255) int delta) {
        WebhookSignature signature = new WebhookSignature(secret, WINDOW, CLOCK);
        String signed = signature.sign(NOW, body);
        byte[] changed = body.clone();
        int at = Math.floorMod(position, body.length);
        changed[at] = (byte) (changed[at] + delta);

        assertThat(signature.verify(String.valueOf(NOW), signed, changed).valid()).isFalse();
    }

    @Property(tries = 300)
    void anyOneCharacterChangeToTheTimestampFails(@ForAll @Size(max = 500) byte[] body, @ForAll int position,
                                                  @ForAll("printable") char replacement) {
        WebhookSignature signature = new WebhookSignature(new byte[] { 1 }, WINDOW, CLOCK);
        String timestamp = String.valueOf(NOW);
        int at = Math.floorMod(position, timestamp.length());
        String changed = timestamp.substring(0, at) + replacement + timestamp.substring(at + 1);

        if (!changed.equals(timestamp)) {
            assertThat(signature.verify(changed, signature.sign(NOW, body), body).valid()).isFalse();
        }
    }

    @Property(tries = 300)
    void anyOneDigitChangeToTheSignatureFails(@ForAll @Size(max = 500) byte[] body, @ForAll int position,
                                              @ForAll @IntRange(min = 1, max = 15) int delta) {
        WebhookSignature signature = new WebhookSignature(new byte[] { 7 }, WINDOW, CLOCK);
        String signed = signature.sign(NOW, body);
        int at = "sha256=".length() + Math.floorMod(position, 64);
        char digit = Character.forDigit((Character.digit(signed.charAt(at), 16) + delta) % 16, 16);
        String changed = signed.substring(0, at) + digit + signed.substring(at + 1);

        assertThat(signature.verify(String.valueOf(NOW), changed, body).valid()).isFalse();
    }

    @Property(tries = 500)
    void aTimestampOutsideTheWindowFailsEvenWhenSigned(@ForAll("outsideTheWindow") long offset,
                                                       @ForAll @Size(max = 100) byte[] body) {
        WebhookSignature signature = new WebhookSignature(new byte[] { 42 }, WINDOW, CLOCK);
        long timestamp = NOW + offset;

        WebhookSignature.Check check = signature.verify(String.valueOf(timestamp), signature.sign(timestamp, body), body);

        assertThat(check.valid()).as("offset %d", offset).isFalse();
        assertThat(check.reason()).contains("X-Signup-Timestamp is too");
    }

    @Property(tries = 1000)
    void neverThrowsForAnyHeaders(@ForAll String timestamp, @ForAll String signatureHeader,
                                  @ForAll @Size(max = 200) byte[] body) {
        WebhookSignature.Check check = new WebhookSignature(new byte[] { 1 }, WINDOW, CLOCK)
                .verify(timestamp, signatureHeader, body);

        assertThat(check.valid()).isFalse();
        assertThat(check.reason()).isNotBlank();
    }

    @Provide
    Arbitrary<Long> outsideTheWindow() {
        // NOW + offset must not overflow itself; the edges of long and of the window are tried first
        return Arbitraries.oneOf(Arbitraries.longs().between(Long.MIN_VALUE, -301),
                Arbitraries.longs().between(301, Long.MAX_VALUE - NOW),
                Arbitraries.of(Long.MIN_VALUE, Long.MIN_VALUE + 1, -301L, 301L, Long.MAX_VALUE - NOW));
    }

    @Provide
    Arbitrary<Character> printable() {
        return Arbitraries.chars().range(' ', '~');
    }
}
