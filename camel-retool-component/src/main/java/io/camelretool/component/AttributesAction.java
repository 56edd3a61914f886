package io.camelretool.component;

/** What {@code retool:attributes} does; the constants are spelled exactly as users type them. */
public enum AttributesAction {
    /** Set the body's attribute values (the default). */
    set,
    /** Delete the named attribute values. */
    delete,
    /** Answer what the key and plan allow. */
    capabilities
}
