package io.camelretool.example.hostile;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.component.classify.EmailNormalizer;
import io.camelretool.example.RunningApplication;
import io.camelretool.sandbox.RetoolSandbox;
import org.apache.camel.Route;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promises that hold after any input, however hostile, checked on a running application and its reports: it is
 * still up, every signup a report accepted has its ledger row, and Retool holds an invite for exactly the reported
 * INVITED emails, one each.
 */
final class NothingLostNothingTwice {

    private NothingLostNothingTwice() {
    }

    static void assertStillRunning(RunningApplication app) throws Exception {
        for (Route route : app.context().getRoutes()) {
            assertThat(app.context().getRouteController().getRouteStatus(route.getRouteId()).isStarted())
                    .as("route %s is started", route.getRouteId()).isTrue();
        }
        assertThat(app.get("/observe/health").body()).contains("\"status\":\"UP\"");
    }

    /** Every line of these reports that brought in an address has that address's row in the ledger. */
    static void assertEveryAcceptedSignupIsInTheLedger(RunningApplication app, Collection<JsonNode> reports) {
        for (JsonNode report : reports) {
            for (JsonNode line : report.path("lines")) {
                String email = line.path("email").asText(null);
                if (!line.path("status").asText().equals("INVALID") && EmailNormalizer.isValid(email)) {
                    assertThat(app.ledger().find(EmailNormalizer.normalize(email).key()))
                            .as("the ledger row of %s, line %s of %s", email, line.path("line"), report.path("name"))
                            .isPresent();
                }
            }
        }
    }

    /**
     * Retool holds one invite for each email a report says INVITED and none for any other, but for the emails named
     * as invited although their line says otherwise (a defect outside the intakes, named where it is passed).
     */
    static void assertInvitedExactlyTheInvitedLines(RetoolSandbox retool, Collection<JsonNode> reports,
                                                    Set<String> invitedThoughNotReported) {
        Set<String> invited = new HashSet<>(invitedThoughNotReported);
        for (JsonNode report : reports) {
            for (JsonNode line : report.path("lines")) {
                String email = line.path("email").asText(null);
                if (line.path("status").asText().equals("INVITED")) {
                    assertThat(invited.add(EmailNormalizer.normalize(email).key()))
                            .as("%s is INVITED on two lines", email).isTrue();
                }
            }
        }
        List<String> invites = retool.invites().stream().map(invite -> invite.email().toLowerCase(Locale.ROOT))
                .toList();
        assertThat(invites).as("Retool's invites").doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(invited);
    }
}
