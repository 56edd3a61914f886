package io.camelretool.sandbox.validation;

import java.util.regex.Pattern;

/** The OpenAPI string formats the spec uses on request fields. */
public enum StringFormat {

    /**
     * An address with a local part of the usual unquoted characters and a dotted domain of letters, digits and
     * inner hyphens; as strict as the common OpenAPI validators, so {@code a@b} and {@code a b@c.com} fail.
     */
    EMAIL("email", "^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]*[a-z0-9])?$"),

    UUID("uuid", "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private final String specName;
    private final Pattern pattern;

    StringFormat(String specName, String regex) {
        this.specName = specName;
        this.pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    public String specName() {
        return specName;
    }

    public boolean matches(String text) {
        return pattern.matcher(text).matches();
    }
}
