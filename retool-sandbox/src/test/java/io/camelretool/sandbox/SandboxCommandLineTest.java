package io.camelretool.sandbox;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxCommandLineTest {

    @Test
    void configuresEverythingFromFlags() {
        SandboxCommandLine commandLine = SandboxCommandLine.parse("--port", "0", "--plan", "enterprise",
                "--api-key", "retool_main", "--api-key=retool_reader:users:read,embed",
                "--rate-limit-per-minute", "45", "--latency-ms", "5", "--fault-rate", "0.25",
                "--claimed-invites", "vanish");

        try (RetoolSandbox sandbox = commandLine.builder().start()) {
            assertThat(commandLine.help()).isFalse();
            assertThat(sandbox.apiKey()).isEqualTo("retool_main");
            assertThat(sandbox.plan()).isEqualTo(SandboxPlan.ENTERPRISE);
            assertThat(sandbox.claimedInvites()).isEqualTo(ClaimedInvites.VANISH);
            assertThat(sandbox.rateLimitPerMinute()).isEqualTo(45);
            assertThat(sandbox.faults().settings().serverErrorRate()).isEqualTo(0.25);
            assertThat(sandbox.faults().settings().fixedLatency().toMillis()).isEqualTo(5);
            TestClient reader = new TestClient(sandbox).withKey("retool_reader");
            sandbox.faults().clear();
            assertThat(reader.get("/api/v2/users").statusCode()).isEqualTo(200);
            assertThat(reader.post("/api/v2/users", "{}").statusCode()).isEqualTo(403);
        }
    }

    @Test
    void tlsIsAFlagWithoutValue() {
        try (RetoolSandbox sandbox = SandboxCommandLine.parse("--tls", "--port", "0").builder().start()) {
            assertThat(sandbox.baseUrl()).startsWith("https://127.0.0.1:");
            assertThat(sandbox.tls().trustStorePath()).exists();
        }
    }

    @Test
    void tlsWithAValueIsRefusedNamingTheFlag() {
        assertThatThrownBy(() -> SandboxCommandLine.parse("--tls=yes"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--tls takes no value; got '--tls=yes'");
    }

    @Test
    void recognisesHelp() {
        assertThat(SandboxCommandLine.parse("--help").help()).isTrue();
    }

    @Test
    void refusesBadFlagsNamingThem() {
        assertThatThrownBy(() -> SandboxCommandLine.parse("--port", "eighty"))
                .hasMessageContaining("--port").hasMessageContaining("eighty");
        assertThatThrownBy(() -> SandboxCommandLine.parse("--claimed-invites", "hidden"))
                .hasMessageContaining("--claimed-invites");
        assertThatThrownBy(() -> SandboxCommandLine.parse("--plan", "free"))
                .hasMessageContaining("--plan").hasMessageContaining("business, enterprise");
        assertThatThrownBy(() -> SandboxCommandLine.parse("--fault-rate", "1.5"))
                .hasMessageContaining("--fault-rate");
        assertThatThrownBy(() -> SandboxCommandLine.parse("--api-key", "k:users:read,,embed"))
                .hasMessageContaining("--api-key");
        assertThatThrownBy(() -> SandboxCommandLine.parse("--api-key", "k:users:delete"))
                .hasMessageContaining("users:delete");
        assertThatThrownBy(() -> SandboxCommandLine.parse("--latency-ms"))
                .hasMessageContaining("--latency-ms needs a value");
        assertThatThrownBy(() -> SandboxCommandLine.parse("--verbose", "yes"))
                .hasMessageContaining("unknown option --verbose");
        assertThatThrownBy(() -> SandboxCommandLine.parse("8089"))
                .hasMessageContaining("'8089'");
    }
}
