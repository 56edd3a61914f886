package io.camelretool.example.console;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a signup holds comes out of the console's HTML as text, never as markup. */
class HtmlTest {

    @Property
    void noStringBecomesMarkupOrHidesCharacters(@ForAll String hostile) {
        String escaped = Html.escape(hostile);
        assertThat(escaped).doesNotContain("<", ">", "\"", "'");
        assertThat(escaped.codePoints()).noneMatch(c -> (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                                                        || (c < 0x20 && c != '\n' && c != '\t'));
    }

    @Test
    void showsTheHostileCorpusAsTheCharactersItIs() {
        assertThat(Html.escape("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(Html.escape("\" onmouseover='x'")).isEqualTo("&quot; onmouseover=&#39;x&#39;");
        assertThat(Html.escape("\u202Etxt.exe")).isEqualTo("[U+202E]txt.exe");
        assertThat(Html.escape("a\u200Bb\u0000c")).isEqualTo("a[U+200B]b[U+0000]c");
        assertThat(new Html().link("/console/person", "<b>", "email", "a&b\"@x.y").toString())
                .isEqualTo("<a href=\"/console/person?email=a%26b%22%40x.y\">&lt;b&gt;</a>");
    }
}
