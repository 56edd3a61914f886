package io.camelretool.example.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin token as the banner shows it, and the bearer header it accepts. */
class AdminTokenTest {

    private static final String API = "http://localhost:8080/api";

    @Test
    void theBannerNamesEveryAdminRouteOnceAndShowsATokenOnlyWhenItWasGeneratedForThisRun() {
        AdminToken generated = AdminToken.resolve(null, true);
        String shown = generated.describe(API);
        String token = shown.substring(shown.indexOf("Bearer ") + "Bearer ".length(), shown.indexOf("\" ("));

        assertThat(shown).contains("GET " + API + "/people, " + API + "/people/{email}, " + API + "/seats")
                .contains("DELETE " + API + "/people/{email} (offboard)")
                .contains("POST " + API + "/people/{email}/readmit")
                .contains("generated for this local run");
        assertThat(generated.accepts("Bearer " + token)).isTrue();
        assertThat(generated.accepts("Bearer " + token + "x")).isFalse();
    }

    @Test
    void aConfiguredTokenIsNeverShown() {
        AdminToken configured = AdminToken.resolve("s3cret-admin-token", false);

        assertThat(configured.describe(API)).doesNotContain("s3cret-admin-token").contains("Bearer <ADMIN_TOKEN>");
        assertThat(configured.accepts("Bearer s3cret-admin-token")).isTrue();
        // RFC 9110: the scheme is case-insensitive; the token is not
        assertThat(configured.accepts("bearer s3cret-admin-token")).isTrue();
        assertThat(configured.accepts("BEARER s3cret-admin-token")).isTrue();
        assertThat(configured.accepts("Bearer S3CRET-admin-token")).isFalse();
        assertThat(configured.accepts("Bearers3cret-admin-token")).isFalse();
        assertThat(configured.accepts("s3cret-admin-token")).as("not a bearer header").isFalse();
    }

    @Test
    void againstARealRetoolWithoutATokenTheBannerSaysTheApiIsOffAndHowToTurnItOn() {
        AdminToken off = AdminToken.resolve("  ", false);

        assertThat(off.isSet()).isFalse();
        assertThat(off.describe(API)).startsWith("OFF: set ADMIN_TOKEN to turn on GET " + API + "/people");
        assertThat(off.accepts("Bearer ")).isFalse();
    }
}
