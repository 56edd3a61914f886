package io.camelretool.example.config;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration summary logged at start: resolved values, secrets only as set or empty. */
class ConfigurationSummaryTest {

    private static final Map<String, String> RESOLVED = Map.of(
            "retool.base-url", "https://acme.retool.com",
            "retool.api-key", "retool_01hx-very-secret",
            "webhook.secret", "whsec-abc",
            "sources.stripe.secret", "",
            "ledger.password", "hunter2",
            "ledger.jdbc-url", "jdbc:postgresql://db/ledger?user=app&password=hunter2&ssl=true",
            "api.admin-token", "token-123",
            "console.users", "admin:$2a$10$abcdefghijklmnopqrstuv",
            "camel.server.port", "8080");

    @Test
    void showsResolvedValuesSortedByKeyWithSecretsOnlyAsSetOrEmpty() {
        List<String> lines = ConfigurationSummary.lines(RESOLVED.keySet(), RESOLVED::get);

        assertThat(lines).first().asString().startsWith("api.admin-token = ");
        assertThat(lines).contains("retool.base-url = https://acme.retool.com", "camel.server.port = 8080",
                "retool.api-key = ****** (set)", "webhook.secret = ****** (set)", "sources.stripe.secret = (empty)",
                "ledger.password = ****** (set)", "api.admin-token = ****** (set)", "console.users = ****** (set)",
                "ledger.jdbc-url = jdbc:postgresql://db/ledger?user=app&password=******&ssl=true");
        assertThat(String.join("\n", lines)).doesNotContain("very-secret", "whsec", "hunter2", "token-123", "$2a$");
    }

    @Test
    void aValueWithLineBreaksOrOfAnyLengthStaysOneShortLine() {
        List<String> lines = ConfigurationSummary.lines(List.of("mail.host", "retool.org-domains"),
                key -> key.equals("mail.host") ? "evil\nINFO forged line" : "x".repeat(10_000));

        assertThat(lines).hasSize(2).allMatch(line -> !line.contains("\n") && line.length() < 300);
    }

    @Test
    void aKeyThatCannotBeResolvedIsSaidSoWithoutStoppingTheSummary() {
        List<String> lines = ConfigurationSummary.lines(List.of("broken", "fine"), key -> {
            if (key.equals("broken")) {
                throw new IllegalArgumentException("Property with key [missing] not found");
            }
            return "ok";
        });

        assertThat(lines).containsExactly("broken = (unresolved)", "fine = ok");
    }
}
