package io.camelretool.example.config;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import static io.camelretool.example.config.SettingValues.attributes;
import static io.camelretool.example.config.SettingValues.bool;

/**
 * Who gets in through Retool Embed, and how access is taken away.
 *
 * @param embedSecret        {@code EMBED_SECRET}, the HMAC secret host backends sign session requests with; empty for
 *                           a generated one (local sandbox) or no Embed endpoint
 * @param landingPageUuid    {@code RETOOL_EMBED_LANDING_PAGE_UUID}, the app a session opens unless the request names
 *                           one; empty for none (requests must then name it)
 * @param signupOnFirstUse   {@code EMBED_SIGNUP_ON_FIRST_USE}: an unknown person is signed up, then served
 * @param embedForInvited    {@code EMBED_FOR_INVITED}: invited people and people with an account may come in through
 *                           Embed too, not only those recorded {@code EMBED_ONLY}
 * @param offboardAttribute  {@code OFFBOARD_ATTRIBUTE}: the attribute name and value set on an offboarded account
 * @param readmitOffboarded  {@code READMIT_OFFBOARDED}: a new signup of an offboarded person starts over
 * @param adminToken         {@code ADMIN_TOKEN}, the admin API's bearer token; empty for a generated one (local
 *                           sandbox) or no admin API
 */
public record AccessSettings(String embedSecret, String landingPageUuid, boolean signupOnFirstUse,
                             boolean embedForInvited, Map.Entry<String, String> offboardAttribute,
                             boolean readmitOffboarded, String adminToken) {

    /** The landing page a local run's demo opens in the sandbox, which serves any page id. */
    public static final String DEMO_LANDING_PAGE = "6f1c2d3e-4b5a-4c6d-8e7f-90a1b2c3d4e5";
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** @param property the value of an {@code application.properties} key, empty when unset */
    public static AccessSettings read(UnaryOperator<String> property) {
        String landingPage = property.apply("embed.landing-page-uuid").strip();
        if (!landingPage.isEmpty() && !UUID.matcher(landingPage).matches()) {
            throw new IllegalArgumentException("RETOOL_EMBED_LANDING_PAGE_UUID: '" + landingPage
                                               + "' is not a UUID (Retool > the app > Share > Embed)");
        }
        Map<String, String> attribute = attributes(property.apply("offboard.attribute"), "OFFBOARD_ATTRIBUTE");
        if (attribute.size() > 1) {
            throw new IllegalArgumentException("OFFBOARD_ATTRIBUTE: one name=value, not " + attribute.size());
        }
        return new AccessSettings(property.apply("embed.secret"), landingPage,
                bool(property.apply("embed.signup-on-first-use"), "EMBED_SIGNUP_ON_FIRST_USE", false),
                bool(property.apply("embed.for-invited"), "EMBED_FOR_INVITED", false),
                attribute.isEmpty() ? null : Map.entry(attribute.keySet().iterator().next(),
                        attribute.values().iterator().next()),
                bool(property.apply("offboard.readmit"), "READMIT_OFFBOARDED", false), property.apply("api.admin-token"));
    }

    /** The secret stays out of logs and exceptions. */
    @Override
    public String toString() {
        return "AccessSettings[landingPageUuid=" + landingPageUuid + ", signupOnFirstUse=" + signupOnFirstUse
               + ", embedForInvited=" + embedForInvited + "]";
    }
}
