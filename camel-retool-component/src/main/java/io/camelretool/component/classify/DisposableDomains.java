package io.camelretool.component.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The bundled list of common disposable-mail domains ({@code disposable-domains.txt}), loaded once. */
final class DisposableDomains {

    private static final Set<String> DOMAINS = load();

    private DisposableDomains() {
    }

    static boolean contains(String domain) {
        return match(domain) != null;
    }

    /** The listed domain that {@code domain} equals or is a subdomain of, or null. */
    static String match(String domain) {
        return SignupClassifier.matching(domain, DOMAINS);
    }

    private static Set<String> load() {
        Set<String> domains = new HashSet<>();
        try (InputStream in = DisposableDomains.class.getResourceAsStream("disposable-domains.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().map(line -> line.strip().toLowerCase(Locale.ROOT))
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(domains::add);
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled disposable-domains.txt cannot be read", e);
        }
        return Set.copyOf(domains);
    }
}
