package io.camelretool.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test when one of its secrets (an API key, a webhook secret, an Embed URL) turns up where a user, an
 * operator or an attacker could read it: in a log event written while the test ran, in an answer or exception
 * message the test saw, or in a place the test names (report files, database rows).
 *
 * <pre>{@code
 * @RegisterExtension
 * static SecretScan secrets = SecretScan.of(() -> List.of(new SecretScan.Secret("the API key", retool.apiKey())));
 * }</pre>
 *
 * Registered on a static field it watches the whole class (logs and answers after each test, the places once at the
 * end, so a shared application is scanned once); on an instance field, each test on its own.
 */
public final class SecretScan implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    /** A value that must stay secret, and what it is, for the failure message (which never shows the value). */
    public record Secret(String what, String value) {
    }

    private final Supplier<List<Secret>> secrets;
    private final Map<String, Supplier<Map<String, String>>> places = new LinkedHashMap<>();
    private final Map<String, String> seen = new LinkedHashMap<>();
    private LogCapture capture;
    private boolean wholeClass;

    private SecretScan(Supplier<List<Secret>> secrets) {
        this.secrets = secrets;
    }

    /** The secrets are asked for when a scan runs, as most are only known once the test has started its servers. */
    public static SecretScan of(Supplier<List<Secret>> secrets) {
        return new SecretScan(secrets);
    }

    /** Also scans the texts a place holds at the end, each under its own name (a file path, a table row). */
    public SecretScan scanning(String place, Supplier<Map<String, String>> texts) {
        places.put(place, texts);
        return this;
    }

    /** Records a text the test was shown (an HTTP answer, an exception message) for the next scan. */
    public void seen(String where, String text) {
        synchronized (seen) {
            seen.merge(where, String.valueOf(text), (earlier, later) -> earlier + "\n" + later);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        wholeClass = true;
        capture = LogCapture.attach();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!wholeClass) {
            capture = LogCapture.attach();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            scan(!wholeClass);
        } finally {
            if (!wholeClass) {
                capture.detach();
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            scan(true);
        } finally {
            capture.detach();
        }
    }

    private void scan(boolean withPlaces) {
        Map<String, String> texts = new LinkedHashMap<>();
        List<String> logLines = capture.drain();
        for (int i = 0; i < logLines.size(); i++) {
            texts.put("log event " + (i + 1), logLines.get(i));
        }
        synchronized (seen) {
            texts.putAll(seen);
            seen.clear();
        }
        if (withPlaces) {
            places.forEach((place, contents) -> contents.get()
                    .forEach((where, text) -> texts.put(place + " " + where, text)));
        }
        List<String> leaks = new ArrayList<>();
        for (Secret secret : secrets.get()) {
            if (secret.value() == null || secret.value().isBlank()) {
                continue;
            }
            texts.forEach((where, text) -> {
                if (text != null && text.contains(secret.value())) {
                    leaks.add(secret.what() + " in " + where + ": " + excerpt(text, secret));
                }
            });
        }
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " secret(s) leaked:\n" + String.join("\n", leaks));
        }
    }

    /** Where in the text the secret stands, with the secret itself replaced by what it is. */
    private static String excerpt(String text, Secret secret) {
        int at = text.indexOf(secret.value());
        String around = text.substring(Math.max(0, at - 80),
                Math.min(text.length(), at + secret.value().length() + 80));
        return around.replace(secret.value(), "<" + secret.what() + ">");
    }
}
