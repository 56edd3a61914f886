package io.camelretool.component.classify;

import java.util.Map;

import io.camelretool.component.RetoolConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * The classifier in a route: reads the email from the {@code CamelRetoolEmail} header or the body (an email
 * String, or a Map with {@code email} and optionally {@code role}), the role from {@code CamelRetoolRequestedRole}
 * or the Map, and sets {@code CamelRetoolUserClass} and {@code CamelRetoolClassReason}; the body is left as it was.
 *
 * <pre>
 * from("direct:signup").process(new SignupClassifierProcessor(classifier))
 *     .choice().when(header("CamelRetoolUserClass").isEqualTo("REJECTED")).to("direct:rejected")
 *     .otherwise().to("retool:invite");
 * </pre>
 */
public class SignupClassifierProcessor implements Processor {

    private final SignupClassifier classifier;

    public SignupClassifierProcessor(SignupClassifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        String email = message.getHeader(RetoolConstants.EMAIL, String.class);
        String role = message.getHeader(RetoolConstants.REQUESTED_ROLE, String.class);
        if (body instanceof Map<?, ?> map) {
            email = email != null ? email : text(map.get("email"));
            role = role != null ? role : text(map.get("role"));
        } else if (email == null && body instanceof CharSequence text) {
            email = text.toString();
        }
        Classification result = classifier.classify(email, role);
        message.setHeader(RetoolConstants.USER_CLASS, result.userClass());
        message.setHeader(RetoolConstants.CLASS_REASON, result.reason());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
