package io.camelretool.example.intake.webhook;

import java.nio.charset.StandardCharsets;

import io.camelretool.example.signup.Signup;
import io.camelretool.example.signup.SignupSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookPayloadParserTest {

    @Test
    void readsOneSignupOrAnArrayWithEveryField() {
        WebhookPayloadParser.Payload payload = parse("[{\"email\":\"a@example.com\",\"firstName\":\"Ann\","
                + "\"lastName\":\"Lee\",\"company\":\"Acme\",\"role\":\"editor\",\"groups\":[1,2],"
                + "\"attributes\":{\"plan\":\"gold\",\"seats\":3,\"trial\":true}},{\"email\":\"b@example.com\"}]");

        assertThat(payload.errors()).isEmpty();
        Signup first = payload.signups().get(0);
        assertThat(first.groups()).containsExactly(1, 2);
        assertThat(first.attributes()).containsEntry("seats", "3").containsEntry("trial", "true");
        assertThat(first.source()).isEqualTo(SignupSource.WEBHOOK);
        assertThat(first.sourceRef()).isEqualTo("req-1#0");
        assertThat(parse("{\"email\":\"c@example.com\"}").signups()).hasSize(1);
    }

    @Test
    void refusesTheWholeRequestListingEveryFieldError() {
        WebhookPayloadParser.Payload payload = parse("[{\"email\":\"ok@example.com\"},{\"firstName\":\"No mail\"},"
                + "{\"email\":7,\"groups\":[\"x\",2.5,-1],\"attributes\":{\"Bad-Name\":\"v\",\"nested\":{\"a\":1}},"
                + "\"user_type\":\"external\"}]");

        assertThat(payload.signups()).isEmpty();
        assertThat(payload.errors()).extracting(WebhookPayloadParser.FieldError::path).containsExactlyInAnyOrder(
                "[1].email", "[2].email", "[2].groups[0]", "[2].groups[1]", "[2].groups[2]",
                "[2].attributes.Bad-Name", "[2].attributes.nested", "[2].user_type");
    }

    @Test
    void refusesBodiesThatAreNotSignupJson() {
        assertThat(parse("not json").errors().get(0).message()).contains("not valid JSON");
        assertThat(parse("[]").errors().get(0).message()).contains("1 to 1000");
        assertThat(parse("\"a@example.com\"").errors().get(0).message()).contains("signup object");
        assertThat(parse("[1]").errors().get(0).message()).contains("must be an object");
        assertThat(WebhookPayloadParser.parse(new byte[] { '{', (byte) 0xC3, '}' }, "r").errors().get(0).message())
                .contains("not UTF-8");
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThat(parse(deep).errors().get(0).message()).contains("not valid JSON");
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 1001; i++) {
            many.append(i == 0 ? "" : ",").append("{\"email\":\"u").append(i).append("@example.com\"}");
        }
        assertThat(parse(many.append(']').toString()).errors().get(0).message()).contains("1 to 1000");
    }

    private static WebhookPayloadParser.Payload parse(String json) {
        return WebhookPayloadParser.parse(json.getBytes(StandardCharsets.UTF_8), "req-1");
    }
}
