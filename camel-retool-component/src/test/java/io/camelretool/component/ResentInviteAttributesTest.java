package io.camelretool.component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelretool.component.model.InviteRequest;
import io.camelretool.component.model.InviteResult;
import io.camelretool.component.model.InviteStatus;
import io.camelretool.sandbox.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signup sent again (a crash, a reconciliation, a replay) whose invite is pending already: the invite is read whole
 * by its id, and of the request's attributes only those its metadata does not already hold cost a call. Counted from
 * the sandbox's record of every request.
 */
class ResentInviteAttributesTest extends RetoolTestSupport {

    private static final String RESEND = "retool:invite?updatePendingAttributes=true";
    private static final String INVITES = "/api/v2/user_invites";

    @BeforeEach
    void defineAttributes() {
        for (String name : List.of("plan", "seats", "region", "regions", "trial", "limits")) {
            sandbox().defineAttribute(name, "string");
        }
    }

    @Test
    void aResentInviteWhoseAttributesAreInPlaceCostsOneReadAndNoAttributeCall() {
        send(RESEND, ada(Map.of("plan", "gold", "seats", 12)));
        int before = sandbox().requests().size();

        InviteResult again = send(RESEND, ada(Map.of("plan", "gold", "seats", 12))).getMessage()
                .getBody(InviteResult.class);

        assertThat(again.status()).isEqualTo(InviteStatus.ALREADY_INVITED);
        List<RecordedRequest> resend = requestsSince(before);
        assertThat(readsById(resend)).as("reads of the found invite by its id").isEqualTo(1);
        assertThat(attributeCalls(resend)).as("attribute calls").isEmpty();
        assertThat(sandbox().invitesFor("ada@example.com")).singleElement().satisfies(invite -> assertThat(
                invite.metadata()).containsEntry("plan", "gold").containsEntry("seats", "12"));
    }

    @Test
    void onlyTheAttributeWhoseValueChangedIsSetAgain() {
        send(RESEND, ada(Map.of("plan", "gold", "seats", 12)));
        int before = sandbox().requests().size();

        send(RESEND, ada(Map.of("plan", "platinum", "seats", 12)));

        List<RecordedRequest> resend = requestsSince(before);
        assertThat(readsById(resend)).isEqualTo(1);
        assertThat(attributeCalls(resend)).singleElement()
                .satisfies(call -> assertThat(call.body()).contains("\"plan\"").contains("platinum"));
        assertThat(sandbox().invitesFor("ada@example.com").get(0).metadata())
                .containsEntry("plan", "platinum").containsEntry("seats", "12");
    }

    @Test
    void anAttributeTheStoppedAttemptNeverSetIsSetAndTheOthersAreNot() {
        // the first attempt created the invite and set one attribute before it stopped
        send(RESEND, ada(Map.of("plan", "gold")));
        int before = sandbox().requests().size();

        send(RESEND, ada(orderedOf("plan", "gold", "region", "eu")));

        List<RecordedRequest> resend = requestsSince(before);
        assertThat(attributeCalls(resend)).singleElement()
                .satisfies(call -> assertThat(call.body()).contains("\"region\"").doesNotContain("gold"));
        assertThat(sandbox().invitesFor("ada@example.com").get(0).metadata())
                .containsEntry("plan", "gold").containsEntry("region", "eu");
    }

    @Test
    void metadataHeldAsNumbersBooleansOrJsonCountsAsTheTextRetoolWouldStore() {
        // metadata given on create keeps its JSON types; an attribute call would store their text
        send("retool:invite", InviteRequest.builder("ada@example.com").metadata(orderedOf("seats", 12, "trial", true,
                "regions", List.of("eu", "us"), "limits", orderedOf("users", 5, "apps", 2))).build());
        int before = sandbox().requests().size();

        send(RESEND, ada(orderedOf("seats", "12", "trial", true, "regions", List.of("eu", "us"),
                "limits", orderedOf("apps", 2, "users", 5))));

        assertThat(attributeCalls(requestsSince(before))).isEmpty();
    }

    @Test
    void metadataHeldWithAnotherValueOrTypeIsSetAgain() {
        send("retool:invite", InviteRequest.builder("ada@example.com").metadata(orderedOf("seats", 12, "trial", true,
                "regions", List.of("eu", "us"), "plan", "Gold")).build());
        int before = sandbox().requests().size();

        send(RESEND, ada(orderedOf("seats", "12.0", "trial", "yes", "regions", List.of("us", "eu"),
                "plan", "gold")));

        // a value that only looks alike is not taken for the same one: a call too many never loses a value
        assertThat(attributeCalls(requestsSince(before)))
                .hasSize(4);
        assertThat(sandbox().invitesFor("ada@example.com").get(0).metadata()).containsEntry("seats", "12.0")
                .containsEntry("trial", "yes").containsEntry("regions", "[\"us\",\"eu\"]")
                .containsEntry("plan", "gold");
    }

    @Test
    void withoutUpdatePendingAttributesAResentInviteMakesNoAttributeCallAtAll() {
        send(RESEND, ada(Map.of("plan", "gold")));
        int before = sandbox().requests().size();

        Exchange again = send("retool:invite", ada(Map.of("plan", "platinum")));

        assertThat(again.getMessage().getBody(InviteResult.class).status()).isEqualTo(InviteStatus.ALREADY_INVITED);
        assertThat(attributeCalls(requestsSince(before))).isEmpty();
        assertThat(sandbox().invitesFor("ada@example.com").get(0).metadata()).containsEntry("plan", "gold");
    }

    private static InviteRequest ada(Map<String, Object> attributes) {
        return InviteRequest.builder("ada@example.com").attributes(attributes).build();
    }

    private static Map<String, Object> orderedOf(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private List<RecordedRequest> requestsSince(int before) {
        List<RecordedRequest> all = sandbox().requests();
        return all.subList(before, all.size());
    }

    private static long readsById(List<RecordedRequest> requests) {
        return requests.stream().filter(request -> request.method().equals("GET")
                && request.path().matches(INVITES + "/\\d+")).count();
    }

    private static List<RecordedRequest> attributeCalls(List<RecordedRequest> requests) {
        return requests.stream().filter(request -> request.method().equals("POST")
                && request.path().matches(INVITES + "/\\d+/user_attributes")).toList();
    }
}
