package io.camelretool.example.console;

import java.util.List;
import java.util.Map;

import io.camelretool.component.classify.UserClass;
import io.camelretool.example.ledger.AuditTrail;
import io.camelretool.example.ledger.LedgerEntry;
import io.camelretool.example.ledger.LedgerQueries;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.example.ledger.Person;
import io.camelretool.example.ledger.PersonAccess;
import io.camelretool.example.signup.Signup;

/** The people pages: search and filter the ledger, one person's row and history, and lists to act on. */
final class PeoplePages {

    static final int PAGE_SIZE = 50;

    /** The search as the form sent it; null fields mean "any". */
    record Search(String text, LedgerStatus status, UserClass userClass, int offset) {
    }

    private PeoplePages() {
    }

    static String list(Search search, LedgerQueries.Page<LedgerEntry> page, String user, String csrf) {
        Html html = Layout.open("People", "people", user, csrf);
        html.raw("<form method=\"get\" action=\"" + Layout.BASE + "/people\" class=\"search\">"
                 + "<label>Email or domain <input type=\"search\" name=\"q\" id=\"search\" maxlength=\"320\" value=\"")
                .raw(Html.attr(search.text())).raw("\"></label><label>Status <select name=\"status\" id=\"status\">"
                                                    + "<option value=\"\">any</option>");
        for (LedgerStatus status : LedgerStatus.values()) {
            option(html, status.name(), search.status() == status);
        }
        html.raw("</select></label><label>Class <select name=\"class\" id=\"class\"><option value=\"\">any</option>");
        for (UserClass userClass : UserClass.values()) {
            option(html, userClass.name(), search.userClass() == userClass);
        }
        html.raw("</select></label><button type=\"submit\" id=\"search-button\">Search</button></form>");
        selection(html, null, "people-list", page.items(), ConsoleActions.Action.REPLAY,
                ConsoleActions.Action.LET_THROUGH);
        html.raw("<p class=\"paging\">");
        String status = search.status() == null ? "" : search.status().name();
        String userClass = search.userClass() == null ? "" : search.userClass().name();
        String text = search.text() == null ? "" : search.text();
        if (page.offset() > 0) {
            html.link(Layout.BASE + "/people", "Previous", "q", text, "status", status, "class", userClass, "offset",
                    String.valueOf(Math.max(0, page.offset() - PAGE_SIZE)));
        }
        if (page.more()) {
            html.raw(" ").link(Layout.BASE + "/people", "Next", "q", text, "status", status, "class", userClass,
                    "offset", String.valueOf(page.offset() + PAGE_SIZE));
        }
        html.raw("</p>");
        return Layout.close(html);
    }

    private static void option(Html html, String value, boolean selected) {
        html.raw("<option value=\"").raw(Html.attr(value)).raw(selected ? "\" selected>" : "\">").text(value)
                .raw("</option>");
    }

    /**
     * A table of people with a box to tick per person and one button per action; the buttons lead to the
     * confirmation page, which does nothing until confirmed.
     */
    static void selection(Html html, String title, String id, List<LedgerEntry> people,
                          ConsoleActions.Action... actions) {
        html.raw("<section>");
        if (title != null) {
            html.element("h2", null, title + " (" + people.size() + (people.size() >= PAGE_SIZE ? "+" : "") + ")");
        }
        if (people.isEmpty()) {
            html.raw("<p class=\"empty\">").text("Nobody.").raw("</p></section>");
            return;
        }
        html.raw("<form method=\"get\" action=\"" + Layout.BASE + "/confirm\"><table id=\"" + id + "\"><thead><tr>"
                 + "<th></th><th>Email</th><th>Name</th><th>Class</th><th>Status</th><th>Attempts</th>"
                 + "<th>Last error</th><th>Updated</th></tr></thead><tbody>");
        for (LedgerEntry person : people) {
            Signup signup = person.signup();
            html.raw("<tr><td><input type=\"checkbox\" name=\"email\" value=\"").raw(Html.attr(person.emailKey()))
                    .raw("\"></td><td>").link(Layout.BASE + "/person", person.emailKey(), "email", person.emailKey())
                    .raw("</td><td>").text(name(signup)).raw("</td><td>").text(person.userClass())
                    .raw("</td><td class=\"status\">").text(person.status()).raw("</td><td>").text(person.attempts())
                    .raw("</td><td>").text(person.lastError()).raw("</td><td>").text(Layout.time(person.updatedAt()))
                    .raw("</td></tr>");
        }
        html.raw("</tbody></table>");
        for (ConsoleActions.Action action : actions) {
            html.raw("<button type=\"submit\" name=\"action\" value=\"" + action.formName + "\" id=\"" + id + "-"
                     + action.formName + "\">").text(action.title + " (selected)").raw("</button> ");
        }
        html.raw("</form></section>");
    }

    /**
     * @param after       what the ledger knows of them after the invite (user id, joined, renewals), or null
     * @param offboarding their offboarding (who asked, when, what was done), or null when they were not offboarded
     */
    static String person(LedgerEntry person, Person after, PersonAccess offboarding,
                         List<LedgerQueries.HistoryLine> history,
                         List<AuditTrail.Entry> audit, String user, String csrf) {
        Html html = Layout.open(person.emailKey(), "people", user, csrf);
        Signup signup = person.signup();
        html.raw("<section><dl class=\"person\" id=\"person\">");
        row(html, "Email", person.emailKey());
        row(html, "Name", name(signup));
        row(html, "Company", signup.company());
        row(html, "Requested role", signup.role());
        row(html, "Class", person.userClass());
        row(html, "Status", person.status());
        // a row Retool refused keeps 0 for "no invite": shown as none
        row(html, "Retool invite id", PersonActions.hasInvite(person) ? person.inviteId() : null);
        row(html, "Invite expires", Layout.time(person.inviteExpiresAt()));
        if (after != null) {
            row(html, "Retool user id", after.userId());
            row(html, "Joined", Layout.time(after.joinedAt()));
            row(html, "Renewals", after.renewals());
        }
        row(html, "Attempts", person.attempts());
        row(html, "Last error", person.lastError());
        row(html, "Source", signup.source() + " " + (signup.sourceRef() == null ? "" : signup.sourceRef()));
        row(html, "Groups", signup.groups());
        row(html, "First seen", Layout.time(person.createdAt()));
        row(html, "Last change", Layout.time(person.updatedAt()));
        if (offboarding != null) {
            row(html, "Offboarded", Layout.time(offboarding.offboardedAt()) + " by " + offboarding.offboardedBy()
                                    + " (was " + offboarding.offboardedFrom() + ")");
            row(html, "Offboarding", offboarding.offboardNote());
            if (Boolean.TRUE.equals(offboarding.accountActive())) {
                row(html, "Account", "still active in Retool: a seat that still costs");
            }
        }
        html.raw("</dl>");
        Map<String, String> attributes = after != null ? after.attributes() : signup.attributes();
        if (!attributes.isEmpty()) {
            html.raw("<h2>Attributes applied</h2><dl class=\"person\" id=\"attributes\">");
            for (Map.Entry<String, String> attribute : new java.util.TreeMap<>(attributes).entrySet()) {
                row(html, attribute.getKey(), attribute.getValue());
            }
            html.raw("</dl>");
        }
        html.raw("</section>");
        if (person.status() == LedgerStatus.FAILED) {
            actionLink(html, ConsoleActions.Action.REPLAY, person.emailKey());
        } else if (person.status() == LedgerStatus.OVER_CAP) {
            actionLink(html, ConsoleActions.Action.LET_THROUGH, person.emailKey());
        }
        if (PersonActions.renewable(person)) {
            actionLink(html, ConsoleActions.Action.RENEW, person.emailKey());
        }
        if (PersonActions.revocable(person)) {
            actionLink(html, ConsoleActions.Action.REVOKE, person.emailKey());
        }
        if (PersonActions.offboardable(person)) {
            actionLink(html, ConsoleActions.Action.OFFBOARD, person.emailKey());
        }
        if (person.status() == LedgerStatus.OFFBOARDED) {
            actionLink(html, ConsoleActions.Action.READMIT, person.emailKey());
        }
        html.raw("<section><h2>History</h2><table id=\"history\"><thead><tr><th>Received</th><th>Batch</th>"
                 + "<th>Source</th><th>Line</th><th>Outcome</th><th>Reason</th></tr></thead><tbody>");
        for (LedgerQueries.HistoryLine line : history) {
            html.raw("<tr><td>").text(Layout.time(line.receivedAt())).raw("</td><td>")
                    .link(Layout.BASE + "/batches", line.batchId(), "batch", line.batchId()).raw("</td><td>")
                    .text(line.batchSource() + " " + line.batchName()).raw("</td><td>").text(line.itemNo())
                    .raw("</td><td>").text(line.outcome()).raw("</td><td>").text(line.reason()).raw("</td></tr>");
        }
        html.raw("</tbody></table></section><section><h2>Operator actions</h2>");
        OperatorPages.auditTable(html, audit);
        html.raw("</section>");
        return Layout.close(html);
    }

    private static void actionLink(Html html, ConsoleActions.Action action, String email) {
        html.raw("<p>").link(Layout.BASE + "/confirm", action.title, "action", action.formName, "email", email)
                .raw("</p>");
    }

    private static void row(Html html, String label, Object value) {
        html.raw("<dt>").text(label).raw("</dt><dd>").text(value == null ? "" : value).raw("</dd>");
    }

    private static String name(Signup signup) {
        String first = signup.firstName() == null ? "" : signup.firstName();
        String last = signup.lastName() == null ? "" : signup.lastName();
        return (first + " " + last).strip();
    }
}
