package io.camelretool.component.classify;

import io.camelretool.sandbox.validation.StringFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** What holds for every string the normaliser is given, typed by a person, a form or an attacker. */
class EmailNormalizerPropertiesTest {

    /** Spaces that spreadsheets and web forms leave around an address: plain, non-breaking, zero-width, BOM. */
    private static final String SURROUNDING = " \t\r\n\u00a0\u2007\u202f\u3000\u200b\u2060\ufeff";

    @Property(tries = 2000)
    void neverThrowsAnythingButItsOwnRefusal(@ForAll("anyText") String raw) {
        assertThatCode(() -> {
            try {
                EmailNormalizer.normalize(raw);
            } catch (EmailNormalizer.InvalidEmailException refused) {
                assertThat(refused.getMessage()).isNotBlank().hasSizeLessThan(400);
            }
        }).doesNotThrowAnyException();
    }

    @Property(tries = 500)
    void normalisingTwiceChangesNothing(@ForAll("addresses") String raw) {
        NormalizedEmail once = EmailNormalizer.normalize(raw);

        assertThat(EmailNormalizer.normalize(once.address())).isEqualTo(once);
    }

    @Property(tries = 500)
    void theKeyIgnoresCaseAndSurroundingSpace(@ForAll("addresses") String raw, @ForAll("caseFlips") long flips,
                                               @ForAll("surrounding") String before, @ForAll("surrounding") String after) {
        String typedOtherwise = before + flipAsciiCase(raw, flips) + after;

        assertThat(EmailNormalizer.normalize(typedOtherwise).key()).isEqualTo(EmailNormalizer.normalize(raw).key());
    }

    @Property(tries = 500)
    void whatComesOutIsPlainAsciiThatRetoolsSpecAccepts(@ForAll("addresses") String raw) {
        String address = EmailNormalizer.normalize(raw).address();

        assertThat(address).matches("\\p{ASCII}+").hasSizeLessThanOrEqualTo(254);
        assertThat(StringFormat.EMAIL.matches(address)).as("Retool's email format accepts %s", address).isTrue();
    }

    @Property(tries = 300)
    void anInternationalisedDomainComesOutInItsAsciiForm(@ForAll("unicodeLabels") String label) {
        NormalizedEmail email = EmailNormalizer.normalize("anna@" + label + ".de");

        assertThat(email.domain()).startsWith("xn--").endsWith(".de");
        assertThat(email.localPart()).isEqualTo("anna");
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(300),
                addresses().map(address -> address.substring(0, address.length() / 2)),
                Combinators.combine(addresses(), Arbitraries.strings().all().ofMaxLength(3))
                        .as((address, noise) -> address.replace("@", noise + "@")));
    }

    @Provide
    Arbitrary<String> addresses() {
        Arbitrary<String> local = Arbitraries.strings().withChars("abcXYZ019!#$%&'*+/=?^_`{|}~-").ofMinLength(1)
                .ofMaxLength(20).list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join(".", parts));
        Arbitrary<String> label = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
                        .ofMinLength(1).ofMaxLength(20),
                unicodeLabels());
        Arbitrary<String> domain = label.list().ofMinSize(1).ofMaxSize(3)
                .map(labels -> String.join(".", labels) + ".com");
        return Combinators.combine(local, domain).as((l, d) -> l + "@" + d)
                .filter(address -> address.length() < 200);
    }

    @Provide
    Arbitrary<String> unicodeLabels() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz").ofMinLength(1).ofMaxLength(10)
                .flatMap(ascii -> Arbitraries.of("ä", "ö", "ü", "é", "ñ", "ø", "å", "ç", "例", "ж", "λ")
                        .map(accent -> ascii + accent));
    }

    @Provide
    Arbitrary<Long> caseFlips() {
        return Arbitraries.longs();
    }

    @Provide
    Arbitrary<String> surrounding() {
        return Arbitraries.strings().withChars(SURROUNDING).ofMaxLength(3);
    }

    /** Flips the case of the ASCII letters the bits of {@code flips} pick (other letters may change meaning). */
    private static String flipAsciiCase(String text, long flips) {
        StringBuilder flipped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean flip = c < 128 && Character.isLetter(c) && (flips >>> (i % 64) & 1) == 1;
            flipped.append(flip ? (Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c)) : c);
        }
        return flipped.toString();
    }
}
