package io.camelretool.example.intake.sender;

/**
 * Events shaped as each sender's documentation shows them (trimmed of fields we do not read, with our own ids and
 * people), for the unit tests and the application tests alike.
 */
public final class SenderPayloads {

    private SenderPayloads() {
    }

    public static String stripeCheckoutCompleted(String eventId, String email, String name, String plan) {
        return """
                {"id": "%s", "object": "event", "api_version": "2024-06-20", "created": 1700000000,
                 "type": "checkout.session.completed", "livemode": false, "pending_webhooks": 1,
                 "data": {"object": {"id": "cs_test_a1b2", "object": "checkout.session", "mode": "subscription",
                   "customer": "cus_Q1w2", "customer_email": null, "amount_total": 2000, "currency": "usd",
                   "customer_details": {"email": "%s", "name": "%s", "phone": null,
                     "address": {"country": "NL", "postal_code": "1011"}},
                   "metadata": {"plan": "%s", "retool_groups": "7"}, "payment_status": "paid",
                   "status": "complete"}}}
                """.formatted(eventId, email, name, plan);
    }

    public static String stripeCustomerCreated(String eventId, String email, String name) {
        return """
                {"id": "%s", "object": "event", "type": "customer.created", "created": 1700000000,
                 "data": {"object": {"id": "cus_9s6XKzkNRiz8i3", "object": "customer", "email": "%s", "name": "%s",
                   "metadata": {}, "livemode": false}}}
                """.formatted(eventId, email, name);
    }

    public static String stripeInvoicePaid(String eventId) {
        return """
                {"id": "%s", "object": "event", "type": "invoice.paid",
                 "data": {"object": {"id": "in_1", "object": "invoice", "customer_email": "billing@example.com"}}}
                """.formatted(eventId);
    }

    public static String clerkUserCreated(String userId, String primaryEmail, String otherEmail) {
        return """
                {"data": {"birthday": "", "created_at": 1654012591514,
                   "email_addresses": [
                     {"email_address": "%s", "id": "idn_other", "linked_to": [], "object": "email_address",
                      "verification": {"status": "verified", "strategy": "ticket"}},
                     {"email_address": "%s", "id": "idn_primary", "linked_to": [], "object": "email_address",
                      "verification": {"status": "verified", "strategy": "ticket"}}],
                   "external_id": null, "first_name": "Example", "id": "%s", "last_name": "Person",
                   "object": "user", "primary_email_address_id": "idn_primary",
                   "public_metadata": {"plan": "pro"}, "username": null},
                 "event_attributes": {"http_request": {"client_ip": "0.0.0.0", "user_agent": "Mozilla/5.0"}},
                 "object": "event", "timestamp": 1654012591835, "type": "user.created"}
                """.formatted(otherEmail, primaryEmail, userId);
    }

    public static String typeformResponse(String eventId, String email) {
        return """
                {"event_id": "%s", "event_type": "form_response",
                 "form_response": {"form_id": "lT4Z3j", "token": "a3a12ec67a1ace1b5d2b2f6e3c9e4c5d",
                   "landed_at": "2026-11-30T10:00:00Z", "submitted_at": "2026-11-30T10:01:00Z",
                   "hidden": {"plan": "team"},
                   "definition": {"id": "lT4Z3j", "title": "Sign up", "fields": [
                     {"id": "f1", "ref": "first_name", "type": "short_text", "title": "First name"},
                     {"id": "f2", "ref": "last_name", "type": "short_text", "title": "Last name"},
                     {"id": "f3", "ref": "work_email", "type": "email", "title": "Email"},
                     {"id": "f4", "ref": "team_size", "type": "multiple_choice", "title": "Team size"}]},
                   "answers": [
                     {"type": "text", "text": "Laura", "field": {"id": "f1", "type": "short_text", "ref": "first_name"}},
                     {"type": "text", "text": "Diaz", "field": {"id": "f2", "type": "short_text", "ref": "last_name"}},
                     {"type": "email", "email": "%s", "field": {"id": "f3", "type": "email", "ref": "work_email"}},
                     {"type": "choice", "choice": {"label": "11-50"},
                      "field": {"id": "f4", "type": "multiple_choice", "ref": "team_size"}}]}}
                """.formatted(eventId, email);
    }

    public static String shopifyCustomer(long id, String email) {
        return """
                {"id": %d, "email": "%s", "created_at": "2026-11-30T10:00:00-05:00", "first_name": "Bob",
                 "last_name": "Norman", "state": "disabled", "note": null, "verified_email": true,
                 "tags": "wholesale", "currency": "USD", "phone": null,
                 "default_address": {"city": "Ottawa", "country": "Canada"}}
                """.formatted(id, email);
    }
}
