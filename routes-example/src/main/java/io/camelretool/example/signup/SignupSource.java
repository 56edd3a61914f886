package io.camelretool.example.signup;

/** The intake a signup came through; recorded in the ledger and the reports. */
public enum SignupSource {
    CSV,
    MAIL,
    WEBHOOK,
    /** Stripe's checkout and customer events ({@code /signups/stripe}). */
    STRIPE,
    /** Clerk and other Standard Webhooks senders ({@code /signups/standard}). */
    STANDARD_WEBHOOKS,
    /** Typeform responses ({@code /signups/typeform}). */
    TYPEFORM,
    /** Shopify customers ({@code /signups/shopify}). */
    SHOPIFY,
    /** An operator's action in the console (a replay, a dry run made real): the batch, not the signups' source. */
    CONSOLE
}
