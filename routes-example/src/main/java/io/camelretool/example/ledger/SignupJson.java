package io.camelretool.example.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelretool.example.signup.Signup;

/** A signup as the ledger keeps it: JSON text, so the pipeline can invite it after a restart. */
final class SignupJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SignupJson() {
    }

    static String write(Signup signup) {
        try {
            return MAPPER.writeValueAsString(signup);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a signup could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Signup read(String json) {
        try {
            return MAPPER.readValue(json, Signup.class);
        } catch (JsonProcessingException e) {
            throw new LedgerException("a ledger row holds a signup that is not readable JSON: " + e.getOriginalMessage());
        }
    }
}
