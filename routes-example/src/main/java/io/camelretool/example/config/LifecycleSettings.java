package io.camelretool.example.config;

import java.time.Duration;
import java.util.function.UnaryOperator;

import org.apache.camel.CamelContext;

import static io.camelretool.example.config.SettingValues.bool;
import static io.camelretool.example.config.SettingValues.nonNegative;
import static io.camelretool.example.config.SettingValues.orDefault;

/**
 * How the application follows people after their invite: how often it reads Retool's invites, whether and how often
 * it renews an expired one, and the token of the read API.
 *
 * @param period         LIFECYCLE_PERIOD_MS: between two reads of Retool's invite list
 * @param renewExpired   RENEW_EXPIRED_INVITES: renew (revoke and re-create) an invite that expired unclaimed
 * @param maxRenewals    MAX_INVITE_RENEWALS: how many times one person's invite is renewed at most
 * @param adminToken     ADMIN_TOKEN: the read API's bearer token; empty when unset
 */
public record LifecycleSettings(Duration period, boolean renewExpired, int maxRenewals, String adminToken) {

    public static LifecycleSettings from(CamelContext context) {
        return from(key -> context.resolvePropertyPlaceholders("{{" + key + ":}}"));
    }

    public static LifecycleSettings from(UnaryOperator<String> property) {
        int periodMillis = nonNegative(orDefault(property.apply("lifecycle.period"), "600000"), "LIFECYCLE_PERIOD_MS");
        if (periodMillis < 1000) {
            throw new IllegalArgumentException("LIFECYCLE_PERIOD_MS must be at least 1000 (each round reads Retool's "
                                               + "invite list), not " + periodMillis);
        }
        return new LifecycleSettings(Duration.ofMillis(periodMillis),
                bool(property.apply("lifecycle.renew-expired-invites"), "RENEW_EXPIRED_INVITES", true),
                nonNegative(orDefault(property.apply("lifecycle.max-invite-renewals"), "2"), "MAX_INVITE_RENEWALS"),
                property.apply("api.admin-token").strip());
    }

    /** Leaves the token out. */
    @Override
    public String toString() {
        return "LifecycleSettings[period=" + period + ", renewExpired=" + renewExpired + ", maxRenewals="
               + maxRenewals + ", adminToken=" + (adminToken.isEmpty() ? "unset" : "set") + "]";
    }
}
