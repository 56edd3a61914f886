package io.camelretool.example.console;

import java.util.List;

import io.camelretool.example.ledger.AuditTrail;

/** The login page, the confirmation of an action, the audit trail and the mails in review. */
final class OperatorPages {

    private OperatorPages() {
    }

    static String login(String loginToken, String message) {
        Html html = Layout.open("Log in", null, null, null);
        Layout.notice(html, message);
        html.raw("<form method=\"post\" action=\"" + Layout.BASE + "/login\" class=\"login\">")
                .hidden("login", loginToken)
                .raw("<label>User <input name=\"user\" id=\"user\" autocomplete=\"username\" maxlength=\"64\" "
                     + "required></label><label>Password <input type=\"password\" name=\"password\" id=\"password\" "
                     + "autocomplete=\"current-password\" maxlength=\"200\" required></label>"
                     + "<button type=\"submit\" id=\"login-button\">Log in</button></form>");
        return Layout.close(html);
    }

    /**
     * What the action will do and to whom, with the one form that does it. {@code targets} are the emails, the
     * batch or the mail, as the confirmation will post them back; {@code invite} the invite a renewal replaces.
     */
    static String confirm(ConsoleActions.Action action, List<String> emails, String batchId, String mailUid,
                          String invite, String description, String user, String csrf) {
        Html html = Layout.open("Confirm: " + action.title, null, user, csrf);
        html.raw("<p id=\"confirm-description\">").text(description).raw("</p>");
        if (!emails.isEmpty()) {
            html.raw("<ul id=\"confirm-targets\">");
            emails.forEach(email -> html.element("li", null, email));
            html.raw("</ul>");
        }
        html.raw("<form method=\"post\" action=\"" + Layout.BASE + "/do\">").hidden("csrf", csrf)
                .hidden("action", action.formName);
        emails.forEach(email -> html.hidden("email", email));
        if (batchId != null) {
            html.hidden("batch", batchId);
        }
        if (mailUid != null) {
            html.hidden("mail", mailUid);
        }
        if (invite != null) {
            html.hidden("invite", invite);
        }
        html.raw("<button type=\"submit\" id=\"confirm\">").text("Confirm: " + action.title).raw("</button> <a href=\""
                + Layout.BASE + "/overview\" id=\"cancel\">Cancel</a></form>");
        return Layout.close(html);
    }

    static String audit(List<AuditTrail.Entry> entries, String notice, String user, String csrf) {
        Html html = Layout.open("Audit trail", "audit", user, csrf);
        Layout.notice(html, notice);
        auditTable(html, entries);
        return Layout.close(html);
    }

    static void auditTable(Html html, List<AuditTrail.Entry> entries) {
        if (entries.isEmpty()) {
            html.raw("<p class=\"empty\">").text("No operator action yet.").raw("</p>");
            return;
        }
        html.raw("<table id=\"audit\"><thead><tr><th>When</th><th>Who</th><th>What</th><th>To whom</th>"
                 + "<th>Result</th></tr></thead><tbody>");
        for (AuditTrail.Entry entry : entries) {
            html.raw("<tr><td>").text(Layout.time(entry.at())).raw("</td><td>").text(entry.actor()).raw("</td><td>")
                    .text(entry.action()).raw("</td><td>").text(entry.target()).raw("</td><td>")
                    .text(entry.outcome()).raw("</td></tr>");
        }
        html.raw("</tbody></table>");
    }

    static String mail(List<MailReview.ReviewedMail> mails, String problem, String user, String csrf) {
        Html html = Layout.open("Mail review", "mail", user, csrf);
        if (problem != null) {
            html.raw("<p class=\"warning\">").text(problem).raw("</p>");
            return Layout.close(html);
        }
        if (mails.isEmpty()) {
            html.raw("<p class=\"empty\">").text("No mail in review.").raw("</p>");
            return Layout.close(html);
        }
        html.raw("<table id=\"mails\"><thead><tr><th>Sent</th><th>From</th><th>Subject</th><th>Why in review</th>"
                 + "<th>Actions</th></tr></thead><tbody>");
        for (MailReview.ReviewedMail mail : mails) {
            String uid = String.valueOf(mail.uid());
            html.raw("<tr><td>").text(Layout.time(mail.sent())).raw("</td><td>").text(mail.from()).raw("</td><td>")
                    .text(mail.subject()).raw("</td><td>").text(mail.reason()).raw("</td><td>")
                    .link(Layout.BASE + "/confirm", "Accept", "action", ConsoleActions.Action.ACCEPT_MAIL.formName,
                            "mail", uid).raw(" ")
                    .link(Layout.BASE + "/confirm", "Discard", "action", ConsoleActions.Action.DISCARD_MAIL.formName,
                            "mail", uid).raw("</td></tr>");
        }
        html.raw("</tbody></table>");
        return Layout.close(html);
    }
}
