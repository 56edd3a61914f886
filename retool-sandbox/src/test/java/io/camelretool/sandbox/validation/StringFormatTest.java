package io.camelretool.sandbox.validation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class StringFormatTest {

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.com", "Ada.Lovelace+retool@mail.example.co.uk", "o'brien@example.ie",
            "x@a-b.io"})
    void acceptsEmailsAValidatorAccepts(String email) {
        assertThat(StringFormat.EMAIL.matches(email)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ada", "ada@", "@example.com", "ada@example", "a da@example.com", "ada@@example.com",
            "ada@example..com", "ada@-example.com", ".ada@example.com", "ada@example.com "})
    void refusesMalformedEmails(String email) {
        assertThat(StringFormat.EMAIL.matches(email)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0b6f7e2c-2a4b-4c3d-9e8f-1a2b3c4d5e6f", "0B6F7E2C-2A4B-4C3D-9E8F-1A2B3C4D5E6F"})
    void acceptsUuids(String uuid) {
        assertThat(StringFormat.UUID.matches(uuid)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"home", "0b6f7e2c2a4b4c3d9e8f1a2b3c4d5e6f", "0b6f7e2c-2a4b-4c3d-9e8f-1a2b3c4d5e6"})
    void refusesWhatIsNotAUuid(String text) {
        assertThat(StringFormat.UUID.matches(text)).isFalse();
    }
}
