package io.camelretool.example.console;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may open the console: CONSOLE_USERS, the generated local password, and no console at all. */
class ConsoleAccessTest {

    private static final Duration IDLE = Duration.ofMinutes(30);

    @Test
    void outOfTheBoxOneGeneratedPasswordOpensTheConsoleAndTheBannerShowsIt() {
        ConsoleAccess access = ConsoleAccess.resolve("", true, IDLE);
        String password = access.generatedPassword().orElseThrow();
        assertThat(access.enabled()).isTrue();
        assertThat(access.check(ConsoleAccess.DEMO_USER, password)).isTrue();
        assertThat(access.check(ConsoleAccess.DEMO_USER, password + "x")).isFalse();
        assertThat(access.describe("http://localhost:8080/console")).contains(password).contains("CONSOLE_USERS");
        assertThat(access.toString()).doesNotContain(password);
        assertThat(ConsoleAccess.resolve("", true, IDLE).generatedPassword()).isNotEqualTo(access.generatedPassword());
    }

    @Test
    void pointedAtARealRetoolWithoutUsersTheConsoleIsOffAndTheBannerSaysSo() {
        ConsoleAccess access = ConsoleAccess.resolve("  ", false, IDLE);
        assertThat(access.enabled()).isFalse();
        assertThat(access.generatedPassword()).isEmpty();
        assertThat(access.describe("http://localhost:8080/console")).startsWith("OFF").contains("CONSOLE_USERS")
                .contains("hash-password");
    }

    @Test
    void configuredUsersLogInWithTheirOwnPasswordsOnly() {
        String alice = PasswordHashes.hash("alice's passphrase", 4);
        String bob = PasswordHashes.hash("bob's passphrase", 4);
        ConsoleAccess access = ConsoleAccess.resolve("alice:" + alice + ", bob:" + bob, true, IDLE);
        assertThat(access.generatedPassword()).isEmpty();
        assertThat(access.check("alice", "alice's passphrase")).isTrue();
        assertThat(access.check("bob", "alice's passphrase")).isFalse();
        assertThat(access.check("carol", "alice's passphrase")).isFalse();
        assertThat(access.check("alice", "x".repeat(100))).isFalse();
        assertThat(access.describe("u")).contains("alice, bob").doesNotContain(alice);
    }

    @Test
    void refusesAMalformedUserListNamingTheVariableButNotTheHash() {
        for (String malformed : new String[] { "alice", "alice:plaintext-password", ":$2a$04$abc",
            "al ice:" + PasswordHashes.hash("passphrase", 4), "<script>:" + PasswordHashes.hash("passphrase", 4) }) {
            assertThatThrownBy(() -> ConsoleAccess.resolve(malformed, false, IDLE)).as(malformed)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CONSOLE_USERS")
                    .hasMessageNotContaining("plaintext-password");
        }
    }

    @Test
    void printsAHashThatChecksAndRefusesPasswordsBcryptWouldCut() {
        String hash = PasswordHashes.hash("a new console password");
        assertThat(PasswordHashes.isHash(hash)).isTrue();
        assertThat(PasswordHashes.matches("a new console password", hash)).isTrue();
        assertThatThrownBy(() -> PasswordHashes.hash("é".repeat(40))).hasMessageContaining("72 bytes");
        assertThat(PasswordHashes.matches("anything", "not a hash")).isFalse();
    }
}
