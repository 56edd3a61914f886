package io.camelretool.example.intake.sender;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.camelretool.example.signup.SignupSource;

/**
 * The senders that are on: each one whose secret is set. Read from {@code application.properties}
 * ({@code sources.<name>.*}, bound to environment variables); a setting that cannot be used stops the start with a
 * message naming its variable.
 */
public final class Senders {

    /** Stripe's and Standard Webhooks' documented tolerance for the signed timestamp. */
    public static final Duration TOLERANCE = Duration.ofSeconds(300);
    /** Every sender the application knows, by the last step of its path; those whose secret is set are on. */
    public static final List<String> NAMES = List.of("stripe", "standard", "typeform", "shopify");

    private Senders() {
    }

    /** @param property the value of an {@code application.properties} key, empty when unset */
    public static List<Sender> configured(UnaryOperator<String> property, Clock clock) {
        TimestampWindow window = new TimestampWindow(TOLERANCE, clock);
        List<Sender> senders = new ArrayList<>();
        String stripe = secret(property, "stripe");
        if (!stripe.isEmpty()) {
            senders.add(new Sender("stripe", SignupSource.STRIPE, "STRIPE_WEBHOOK_SECRET",
                    new StripeSignature(stripe, window), new StripeEvents(mapping(property, "stripe", "STRIPE")),
                    parsed -> JsonPaths.text(parsed.body(), "id")));
        }
        String standard = secret(property, "standard");
        if (!standard.isEmpty()) {
            senders.add(new Sender("standard", SignupSource.STANDARD_WEBHOOKS, "STANDARD_WEBHOOK_SECRET",
                    new StandardWebhookSignature(standard, window),
                    new StandardWebhookEvents(mapping(property, "standard", "STANDARD_WEBHOOK")),
                    parsed -> StandardWebhookSignature.messageId(parsed.request())));
        }
        String typeform = secret(property, "typeform");
        if (!typeform.isEmpty()) {
            senders.add(new Sender("typeform", SignupSource.TYPEFORM, "TYPEFORM_WEBHOOK_SECRET",
                    new TypeformSignature(typeform), new TypeformEvents(mapping(property, "typeform", "TYPEFORM"),
                            value(property, "sources.typeform.first-name-ref"),
                            value(property, "sources.typeform.last-name-ref")),
                    parsed -> JsonPaths.text(parsed.body(), "event_id")));
        }
        String shopify = secret(property, "shopify");
        if (!shopify.isEmpty()) {
            senders.add(new Sender("shopify", SignupSource.SHOPIFY, "SHOPIFY_WEBHOOK_SECRET",
                    new ShopifySignature(shopify), new ShopifyEvents(mapping(property, "shopify", "SHOPIFY")),
                    parsed -> parsed.request().firstHeader(ShopifyEvents.WEBHOOK_ID_HEADER)));
        }
        return senders;
    }

    private static String secret(UnaryOperator<String> property, String name) {
        return value(property, "sources." + name + ".secret");
    }

    private static PayloadMapping mapping(UnaryOperator<String> property, String name, String variable) {
        return PayloadMapping.parse(value(property, "sources." + name + ".attributes"),
                value(property, "sources." + name + ".groups"), variable);
    }

    private static String value(UnaryOperator<String> property, String key) {
        String value = property.apply(key);
        return value == null ? "" : value.strip();
    }
}
