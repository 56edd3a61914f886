package io.camelretool.example.intake;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever text comes from outside, what reaches a log line is one line, with no escape sequence and no trickery. */
class LogTextTest {

    @Test
    void aFoldedMessageIdCannotForgeALogLine() {
        assertThat(LogText.of("<id@x>\r\n12:00:00.000 INFO  InvitePipeline - evil@x.org EXTERNAL: INVITED"))
                .isEqualTo("<id@x>\\u000d\\u000a12:00:00.000 INFO  InvitePipeline - evil@x.org EXTERNAL: INVITED");
    }

    @Test
    void terminalEscapesBidiOverridesAndLoneSurrogatesAreShownNotObeyed() {
        assertThat(LogText.of("a\u001b[2Jb\u202ec\u2028d\ud800e\u0000")).isEqualTo(
                "a\\u001b[2Jb\\u202ec\\u2028d\\ud800e\\u0000");
    }

    @Test
    void ordinaryTextAndPairedSurrogatesPassUnchanged() {
        assertThat(LogText.of("Zoë Ünïcödé 😀 <a@b.c> team.csv")).isEqualTo("Zoë Ünïcödé 😀 <a@b.c> team.csv");
        assertThat(LogText.of(null)).isEqualTo("null");
    }

    @Test
    void aVeryLongTextIsCut() {
        assertThat(LogText.of("x".repeat(100_000))).hasSizeLessThan(LogText.MAX_LENGTH + 40).endsWith("chars)");
    }

    @Property
    void noControlOrFormatCharacterEverPassesThrough(@ForAll String outside) {
        String safe = LogText.of(outside);
        assertThat(safe.codePoints()).noneMatch(c -> Character.getType(c) == Character.CONTROL
                                                     || Character.getType(c) == Character.FORMAT
                                                     || Character.getType(c) == Character.LINE_SEPARATOR
                                                     || Character.getType(c) == Character.SURROGATE);
    }
}
