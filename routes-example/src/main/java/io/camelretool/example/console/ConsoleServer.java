package io.camelretool.example.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.camelretool.component.classify.UserClass;
import io.camelretool.example.access.Offboarding;
import io.camelretool.example.api.PeopleApi;
import io.camelretool.example.config.ExampleSettings;
import io.camelretool.example.config.LifecycleSettings;
import io.camelretool.example.config.MailboxSettings;
import io.camelretool.example.http.RoutesOnHttpServer;
import io.camelretool.example.intake.LogText;
import io.camelretool.example.healing.RetoolOutage;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerEntry;
import io.camelretool.example.ledger.LedgerLifecycle;
import io.camelretool.example.ledger.LedgerQueries;
import io.camelretool.example.ledger.LedgerStatus;
import io.camelretool.example.ledger.PersonAccess;
import io.camelretool.example.ledger.Seats;
import io.camelretool.example.lifecycle.InviteRenewals;
import io.camelretool.example.pipeline.SignupIntake;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator console at {@code /console} on the application's HTTP server (Camel's platform-http on Vert.x): its
 * routes are added to that server's router as it starts. Pages without a session lead to the login page; data
 * (report downloads) without a session is answered 401; every form carries the session's CSRF token and a post
 * without it changes nothing. Every answer forbids scripts, framing and content sniffing.
 */
public final class ConsoleServer extends RoutesOnHttpServer {

    static final String SESSION_COOKIE = "console_session";
    static final String LOGIN_COOKIE = "console_login";
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                              + "frame-ancestors 'none'; base-uri 'none'";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);
    private static final int MAX_TARGETS = 500;
    private static final int LIST_LIMIT = 50;

    private final ConsoleAccess access;
    private final ExampleSettings settings;
    private final Ledger ledger;
    private final LedgerLifecycle lifecycle;
    private final PeopleApi seatsApi;
    /** The application's one offboarding, shared with the admin API and the sweeper. */
    private final Offboarding offboarding;
    /** Made as the context starts: the one-person actions call Retool through a producer of that context. */
    private ConsoleActions actions;
    private RetoolStatus retoolStatus;
    private final MailReview mailReview;
    private final SignupIntake intake;
    private final Map<String, String> retoolDescription;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final RetoolOutage outage;

    /**
     * @param mailbox           the mailbox actually read (the demo one out of the box)
     * @param offboarding       the application's one {@link Offboarding} (registered as {@code offboarding}), so
     *                          that the sweeper leaves alone an offboarding the console has under way
     * @param outage            whether Retool is reachable, as the invite calls and the probes found
     * @param retoolDescription what the overview says of the Retool in use (target, rate limit): no key in it
     */
    public ConsoleServer(ConsoleAccess access, ExampleSettings settings, MailboxSettings mailbox, Ledger ledger,
                         LedgerLifecycle lifecycle, SignupIntake intake, Offboarding offboarding,
                         RetoolOutage outage, Map<String, String> retoolDescription) {
        super(settings.webhookPort());
        this.lifecycle = lifecycle;
        this.outage = outage;
        this.offboarding = offboarding;
        this.access = access;
        this.settings = settings;
        this.ledger = ledger;
        this.mailReview = new MailReview(mailbox, settings.signupsDir().resolve("mail-review"), intake);
        this.intake = intake;
        this.seatsApi = new PeopleApi(lifecycle, ledger, settings.policy(), settings.prices());
        this.retoolDescription = Map.copyOf(retoolDescription);
        this.clock = Clock.systemUTC();
        this.sessions = new Sessions(access.idleTimeout(), clock);
        this.throttle = new LoginThrottle(clock);
    }

    @Override
    protected void addTo(VertxPlatformHttpRouter router, CamelContext context) {
        ProducerTemplate retool = context.createProducerTemplate();
        InviteRenewals renewals = new InviteRenewals(lifecycle, settings.policy(),
                LifecycleSettings.from(context).maxRenewals(), settings.reconcileAfter(), clock);
        PersonActions people = new PersonActions(ledger, lifecycle, renewals, offboarding, retool);
        actions = new ConsoleActions(ledger.queries(), ledger.auditTrail(), intake, mailReview, people,
                settings.dryRun());
        retoolStatus = new RetoolStatus(outage, retool);
        String base = Layout.BASE;
        // first of the console's routes: the answers no route of its own makes (404, 405) carry the headers too
        router.route(base + "*").handler(routing -> {
            secured(routing);
            routing.next();
        });
        router.route(HttpMethod.GET, base).handler(request -> redirect(request, base + "/overview"));
        router.route(HttpMethod.GET, base + "/").handler(request -> redirect(request, base + "/overview"));
        router.route(HttpMethod.GET, base + "/static/console.css").handler(this::stylesheet);
        router.route(HttpMethod.GET, base + "/login").handler(this::loginPage);
        router.route(HttpMethod.POST, base + "/login").handler(router.bodyHandler()).blockingHandler(this::login,
                false);
        router.route(HttpMethod.POST, base + "/logout").handler(router.bodyHandler()).handler(this::logout);
        page(router, "/overview", session -> overview(context, session));
        page(router, "/people", this::people);
        page(router, "/person", this::person);
        page(router, "/batches", this::batches);
        page(router, "/mail", this::mail);
        page(router, "/audit", this::audit);
        page(router, "/confirm", this::confirm);
        router.route(HttpMethod.GET, base + "/report").blockingHandler(this::report, false);
        router.route(HttpMethod.POST, base + "/do").handler(router.bodyHandler()).blockingHandler(this::act, false);
    }

    /** A page's answer: its HTML, or a status with a message. */
    private record Answer(int status, String html) {
        static Answer ok(String html) {
            return new Answer(200, html);
        }
    }

    /** What one request of a page handler sees. */
    private record Request(RoutingContext routing, Sessions.Session session) {
        String param(String name) {
            String value = routing.request().getParam(name);
            return value == null ? "" : value;
        }

        List<String> params(String name) {
            return routing.request().params().getAll(name);
        }
    }

    @FunctionalInterface
    private interface PageHandler {
        Answer handle(Request request) throws Exception;
    }

    private void page(VertxPlatformHttpRouter router, String path, PageHandler handler) {
        router.route(HttpMethod.GET, Layout.BASE + path).blockingHandler(routing -> {
            Optional<Sessions.Session> session = session(routing);
            if (session.isEmpty()) {
                redirect(routing, Layout.BASE + "/login");
                return;
            }
            try {
                Answer answer = handler.handle(new Request(routing, session.get()));
                html(routing, answer.status(), answer.html());
            } catch (IllegalArgumentException bad) {
                html(routing, 400, message("Bad request", bad.getMessage(), session.get()));
            } catch (Exception failed) {
                LOG.warn("Console page {} failed: {}", path, LogText.of(failed.toString()));
                html(routing, 500, message("Something went wrong", "The page could not be made: "
                                                                  + failed.getMessage(), session.get()));
            }
        }, false);
    }

    private Answer overview(CamelContext context, Request request) {
        Sessions.Session session = request.session();
        LedgerQueries queries = ledger.queries();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        String mails;
        if (!mailReview.enabled()) {
            mails = "mailbox off";
        } else {
            try {
                mails = String.valueOf(mailReview.list(1000).size());
            } catch (Exception unreachable) {
                mails = "unknown: the mailbox cannot be read (" + unreachable.getMessage() + ")";
            }
        }
        Map<String, String> health = new LinkedHashMap<>(retoolDescription);
        health.putAll(retoolStatus.describe());
        health.putAll(health(context));
        Seats seats = lifecycle.seats(ledger.externalSeatsClaimedToday());
        OverviewPage.Figures figures = new OverviewPage.Figures(queries.countsByStatus(), seats,
                seatsApi.cost(seats.joined()), seatsApi.cost(seats.pending()),
                seatsApi.cost(seats.offboardedStillActive()), settings.prices().currency(),
                settings.policy().maxNewExternalSeatsPerDay(), mails, health,
                queries.invitesPerDay(ActivityChart.firstDay(today)),
                queries.joinsPerDay(ActivityChart.firstDay(today)),
                queries.withStatus(LedgerStatus.FAILED, LIST_LIMIT),
                queries.withStatus(LedgerStatus.OVER_CAP, LIST_LIMIT), today, settings.dryRun());
        return Answer.ok(OverviewPage.render(figures, session.user, session.csrf, takeFlash(session)));
    }

    /** Camel's health checks in short: the overall state and the checks that are down. */
    private static Map<String, String> health(CamelContext context) {
        Map<String, String> health = new LinkedHashMap<>();
        List<String> down = new ArrayList<>();
        for (HealthCheck.Result result : HealthCheckHelper.invoke(context)) {
            if (result.getState() == HealthCheck.State.DOWN) {
                down.add(result.getCheck().getId());
            }
        }
        health.put("Application health", down.isEmpty() ? "UP" : "DOWN: " + String.join(", ", down));
        return health;
    }

    private Answer people(Request request) {
        PeoplePages.Search search = new PeoplePages.Search(limited(request.param("q"), 320),
                enumOrNull(LedgerStatus.class, request.param("status")),
                enumOrNull(UserClass.class, request.param("class")), offset(request.param("offset")));
        LedgerQueries.Page<LedgerEntry> page = ledger.queries().people(search.text(), search.status(),
                search.userClass(), search.offset(), PeoplePages.PAGE_SIZE);
        return Answer.ok(PeoplePages.list(search, page, request.session().user, request.session().csrf));
    }

    private Answer person(Request request) {
        String email = limited(request.param("email"), 320).strip().toLowerCase(Locale.ROOT);
        Optional<LedgerEntry> person = ledger.find(email);
        if (person.isEmpty()) {
            return new Answer(404, message("Not found", "Nobody with that email is in the ledger.",
                    request.session()));
        }
        List<LedgerQueries.HistoryLine> history = ledger.queries().history(email);
        return Answer.ok(PeoplePages.person(person.get(), lifecycle.person(email).orElse(null),
                ledger.access().find(email).filter(PersonAccess::offboarded).orElse(null), history,
                ledger.auditTrail().about(email, history.stream().map(LedgerQueries.HistoryLine::batchId).toList(),
                        LIST_LIMIT), request.session().user, request.session().csrf));
    }

    private Answer batches(Request request) {
        String batch = request.param("batch");
        LedgerQueries.Page<LedgerQueries.BatchSummary> page;
        if (!batch.isEmpty()) {
            page = new LedgerQueries.Page<>(ledger.queries().batchSummary(batchId(batch)).stream().toList(), 0,
                    false);
        } else {
            page = ledger.queries().batches(offset(request.param("offset")), BatchPages.PAGE_SIZE);
        }
        return Answer.ok(BatchPages.list(page, settings.prices(), request.session().user, request.session().csrf));
    }

    private Answer mail(Request request) {
        Sessions.Session session = request.session();
        if (!mailReview.enabled()) {
            return Answer.ok(OperatorPages.mail(List.of(), "The mailbox is off (MAIL_ENABLED=false).", session.user,
                    session.csrf));
        }
        try {
            return Answer.ok(OperatorPages.mail(mailReview.list(LIST_LIMIT * 4), null, session.user, session.csrf));
        } catch (Exception unreachable) {
            return Answer.ok(OperatorPages.mail(List.of(), "The mailbox cannot be read: " + unreachable.getMessage(),
                    session.user, session.csrf));
        }
    }

    private Answer audit(Request request) {
        Sessions.Session session = request.session();
        return Answer.ok(OperatorPages.audit(ledger.auditTrail().recent(200), takeFlash(session), session.user,
                session.csrf));
    }

    private Answer confirm(Request request) {
        ConsoleActions.Action action = ConsoleActions.Action.of(request.param("action"));
        if (action == null) {
            throw new IllegalArgumentException("no such action");
        }
        List<String> emails = emails(request.params("email"));
        String batch = request.param("batch").isEmpty() ? null : batchId(request.param("batch"));
        String mail = request.param("mail").isEmpty() ? null : String.valueOf(mailUid(request.param("mail")));
        String description = switch (action) {
            case REPLAY -> {
                require(!emails.isEmpty(), "tick at least one person");
                yield "Replay " + emails.size() + " person(s): those still FAILED are handed to the pipeline again "
                      + "as a new console batch, which gets its own report. The dead-letter files stay as they are.";
            }
            case LET_THROUGH -> {
                require(!emails.isEmpty(), "tick at least one person");
                yield "Let " + emails.size() + " person(s) over the daily cap through today: those still OVER_CAP "
                      + "are invited now, beyond MAX_NEW_EXTERNAL_SEATS_PER_DAY (" + settings.policy()
                              .maxNewExternalSeatsPerDay() + "), each a paid seat of "
                      + settings.prices().monthlyPrice(UserClass.EXTERNAL) + " " + settings.prices().currency()
                      + " a month.";
            }
            case REPLAY_BATCH -> {
                require(batch != null, "name the batch");
                yield "Replay the people of batch " + batch + " who are FAILED now ("
                      + ledger.queries().inBatch(batch, LedgerStatus.FAILED).size() + ").";
            }
            case MAKE_REAL -> {
                require(batch != null, "name the batch");
                yield "Send the invites of dry-run batch " + batch + " for real, to the people still WOULD_INVITE ("
                      + ledger.queries().inBatch(batch, LedgerStatus.WOULD_INVITE).size() + ").";
            }
            case ACCEPT_MAIL -> {
                require(mail != null, "name the mail");
                yield "Accept mail " + mail + " from review: its signups go through the mail intake as if its sender "
                      + "were allowed, and it leaves the review folder.";
            }
            case DISCARD_MAIL -> {
                require(mail != null, "name the mail");
                yield "Discard mail " + mail + ": it leaves the review folder and nothing is taken from it.";
            }
            case RENEW -> "Renew " + onePerson(emails) + "'s invite " + renewedInvite(emails.get(0))
                          + ": the invite in Retool is revoked and a new one "
                          + "is sent with the same groups and attributes, as the lifecycle renews an expired invite "
                          + "(whatever MAX_INVITE_RENEWALS says). The old invite link stops working.";
            case REVOKE -> "Revoke " + onePerson(emails) + "'s invite in Retool: the invite link stops working and "
                           + "the person is marked REVOKED. An account they already have is not touched (offboard "
                           + "them for that).";
            case OFFBOARD -> "Offboard " + onePerson(emails) + ", as DELETE /api/people/{email} does: their pending "
                             + "invites are revoked, Embed sessions refused, and an account they have is marked and "
                             + "(where the plan allows) disabled. Re-admitting them later is an action of its own.";
            case READMIT -> "Re-admit " + onePerson(emails) + ", as POST /api/people/{email}/readmit does: the "
                            + "offboarding mark comes off their Retool account where it can be reached, and they start "
                            + "over as a new signup, which the pipeline invites (a seat again). An account that was "
                            + "disabled stays disabled: Retool has no call to enable it.";
        };
        Sessions.Session session = request.session();
        String invite = action == ConsoleActions.Action.RENEW ? String.valueOf(renewedInvite(emails.get(0))) : null;
        return Answer.ok(OperatorPages.confirm(action, emails, batch, mail, invite, description, session.user,
                session.csrf));
    }

    private void act(RoutingContext routing) {
        Optional<Sessions.Session> found = session(routing);
        if (found.isEmpty()) {
            text(routing, 401, "log in first");
            return;
        }
        Sessions.Session session = found.get();
        MultiMap form = routing.request().formAttributes();
        if (!session.csrfMatches(form.get("csrf"))) {
            html(routing, 403, message("Refused", "This form did not come from this console session (its CSRF "
                                                  + "token is missing or wrong); nothing was done.", session));
            return;
        }
        try {
            ConsoleActions.Action action = ConsoleActions.Action.of(form.get("action"));
            if (action == null) {
                throw new IllegalArgumentException("no such action");
            }
            String batch = form.get("batch") == null ? null : batchId(form.get("batch"));
            Long mail = form.get("mail") == null ? null : mailUid(form.get("mail"));
            Long invite = form.get("invite") == null ? null : inviteId(form.get("invite"));
            List<String> emails = emails(form.getAll("email"));
            require(switch (action) {
                case REPLAY, LET_THROUGH -> !emails.isEmpty();
                case REPLAY_BATCH, MAKE_REAL -> batch != null;
                case ACCEPT_MAIL, DISCARD_MAIL -> mail != null;
                case RENEW -> emails.size() == 1 && invite != null;
                case REVOKE, OFFBOARD, READMIT -> emails.size() == 1;
            }, action.onePerson() ? "name exactly one person" + (action == ConsoleActions.Action.RENEW
                    ? " and the invite to renew" : "") : "the form names nobody to act on");
            String outcome = actions.perform(session.user, action, emails, batch, mail, invite);
            // the outcome may quote a mail's rejection reason or a person's email: outside text, neutralised
            LOG.info("Console: {} did {}: {}", session.user, action.formName, LogText.of(outcome));
            session.flash = action.title + ": " + outcome;
            redirect(routing, Layout.BASE + "/audit");
        } catch (IllegalArgumentException bad) {
            html(routing, 400, message("Bad request", bad.getMessage(), session));
        }
    }

    private void report(RoutingContext routing) {
        if (session(routing).isEmpty()) {
            text(routing, 401, "log in first");
            return;
        }
        String format = routing.request().getParam("format");
        String batch = routing.request().getParam("batch");
        if (batch == null || !("json".equals(format) || "csv".equals(format))) {
            text(routing, 400, "name a batch and a format (json or csv)");
            return;
        }
        String id;
        try {
            id = batchId(batch);
        } catch (IllegalArgumentException bad) {
            text(routing, 400, bad.getMessage());
            return;
        }
        Path file = settings.reports().resolve(id + "." + format);
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            text(routing, 404, "no report for that batch yet");
            return;
        }
        try {
            byte[] content = Files.readAllBytes(file);
            HttpServerResponse response = secured(routing).setStatusCode(200);
            response.putHeader("Content-Type", "json".equals(format) ? "application/json" : "text/csv; charset=utf-8")
                    .putHeader("Content-Disposition", "attachment; filename=\"" + id + "." + format + "\"")
                    .end(io.vertx.core.buffer.Buffer.buffer(content));
        } catch (IOException unreadable) {
            text(routing, 500, "the report cannot be read");
        }
    }

    private void loginPage(RoutingContext routing) {
        if (session(routing).isPresent()) {
            redirect(routing, Layout.BASE + "/overview");
            return;
        }
        loginForm(routing, 200, null);
    }

    private void loginForm(RoutingContext routing, int status, String message) {
        String token = Sessions.randomToken();
        secured(routing).addCookie(cookie(routing, LOGIN_COOKIE, token));
        html(routing, status, OperatorPages.login(token, message));
    }

    private void login(RoutingContext routing) {
        MultiMap form = routing.request().formAttributes();
        Cookie loginCookie = routing.request().getCookie(LOGIN_COOKIE);
        String formToken = form.get("login");
        if (loginCookie == null || formToken == null || !MessageDigest.isEqual(loginCookie.getValue()
                .getBytes(StandardCharsets.UTF_8), formToken.getBytes(StandardCharsets.UTF_8))) {
            loginForm(routing, 403, "The login form had expired or did not come from this console; try again.");
            return;
        }
        String user = limited(form.get("user"), 64).strip();
        String password = limited(form.get("password"), 200);
        String address = routing.request().remoteAddress() == null ? "unknown"
                : routing.request().remoteAddress().host();
        Duration wait = throttle.waitFor(user, address);
        if (!wait.isZero()) {
            // rounded up: "wait 3 s" for 3.4 s left would be refused again when the user comes back in 3 s
            long seconds = wait.plusNanos(999_999_999L).toSeconds();
            loginForm(routing, 429, "Too many failed logins: wait " + Math.max(1, seconds) + " s before trying again.");
            return;
        }
        if (!access.check(user, password)) {
            throttle.failed(user, address);
            LOG.warn("Console login refused for {} from {}", LogText.of(user), address);
            loginForm(routing, 401, "Wrong user name or password.");
            return;
        }
        throttle.succeeded(user, address);
        String token = sessions.open(user);
        LOG.info("Console login: {} from {}", user, address);
        HttpServerResponse response = secured(routing);
        response.addCookie(cookie(routing, SESSION_COOKIE, token));
        response.addCookie(cookie(routing, LOGIN_COOKIE, "").setMaxAge(0));
        redirect(routing, Layout.BASE + "/overview");
    }

    private void logout(RoutingContext routing) {
        Cookie cookie = routing.request().getCookie(SESSION_COOKIE);
        Optional<Sessions.Session> session = session(routing);
        if (session.isPresent() && !session.get().csrfMatches(routing.request().getFormAttribute("csrf"))) {
            html(routing, 403, message("Refused", "This form did not come from this console session; you are still "
                                                  + "logged in.", session.get()));
            return;
        }
        if (cookie != null) {
            sessions.close(cookie.getValue());
        }
        secured(routing).addCookie(cookie(routing, SESSION_COOKIE, "").setMaxAge(0));
        redirect(routing, Layout.BASE + "/login");
    }

    private Optional<Sessions.Session> session(RoutingContext routing) {
        Cookie cookie = routing.request().getCookie(SESSION_COOKIE);
        return cookie == null ? Optional.empty() : sessions.find(cookie.getValue());
    }

    private static String takeFlash(Sessions.Session session) {
        String flash = session.flash;
        session.flash = null;
        return flash;
    }

    private static Cookie cookie(RoutingContext routing, String name, String value) {
        boolean https = routing.request().isSSL()
                        || "https".equalsIgnoreCase(routing.request().getHeader("X-Forwarded-Proto"));
        return Cookie.cookie(name, value).setPath(Layout.BASE).setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(https);
    }

    private static String message(String title, String text, Sessions.Session session) {
        Html html = Layout.open(title, null, session.user, session.csrf);
        html.raw("<p class=\"warning\" id=\"message\">").text(text).raw("</p>");
        return Layout.close(html);
    }

    /** The headers every console answer carries. */
    private static HttpServerResponse secured(RoutingContext routing) {
        return routing.response().putHeader("Content-Security-Policy", CSP)
                .putHeader("X-Content-Type-Options", "nosniff").putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer").putHeader("Cache-Control", "no-store");
    }

    private static void html(RoutingContext routing, int status, String html) {
        secured(routing).setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8").end(html);
    }

    private static void text(RoutingContext routing, int status, String text) {
        secured(routing).setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8").end(text);
    }

    private static void redirect(RoutingContext routing, String path) {
        secured(routing).setStatusCode(303).putHeader("Location", path).end();
    }

    private void stylesheet(RoutingContext routing) {
        try (InputStream css = ConsoleServer.class.getResourceAsStream("console.css")) {
            byte[] content = css == null ? new byte[0] : css.readAllBytes();
            secured(routing).setStatusCode(200).putHeader("Content-Type", "text/css; charset=utf-8")
                    .end(io.vertx.core.buffer.Buffer.buffer(content));
        } catch (IOException unreadable) {
            text(routing, 500, "the stylesheet cannot be read");
        }
    }

    private static String limited(String value, int max) {
        if (value == null) {
            return "";
        }
        if (value.length() > max) {
            throw new IllegalArgumentException("a value is longer than " + max + " characters");
        }
        return value;
    }

    private static List<String> emails(List<String> values) {
        if (values.size() > MAX_TARGETS) {
            throw new IllegalArgumentException("at most " + MAX_TARGETS + " people at a time");
        }
        return values.stream().map(value -> limited(value, 320).strip().toLowerCase(Locale.ROOT))
                .filter(value -> !value.isEmpty()).distinct().toList();
    }

    private static String batchId(String value) {
        if (!value.matches("[a-z_]{1,20}-[0-9]{8}-[0-9]{6}-[0-9a-f]{1,8}")) {
            throw new IllegalArgumentException("that is not a batch id");
        }
        return value;
    }

    private static long mailUid(String value) {
        if (!value.matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException("that is not a mail in review");
        }
        return Long.parseLong(value);
    }

    private static int offset(String value) {
        if (value.isEmpty()) {
            return 0;
        }
        if (!value.matches("[0-9]{1,7}")) {
            throw new IllegalArgumentException("offset must be a number from 0 to 9999999");
        }
        return Integer.parseInt(value);
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        if (value.isEmpty()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("no such " + type.getSimpleName() + ": choose one from the list");
    }

    /** The invite a renewal of this person would replace, as the confirmation shows it. */
    private long renewedInvite(String email) {
        LedgerEntry entry = ledger.find(email).orElseThrow(() -> new IllegalArgumentException(
                "nobody with that email is in the ledger"));
        require(PersonActions.hasInvite(entry), "that person has no invite to renew");
        return entry.inviteId();
    }

    private static long inviteId(String value) {
        if (!value.matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException("that is not an invite id");
        }
        return Long.parseLong(value);
    }

    private static String onePerson(List<String> emails) {
        require(emails.size() == 1, "name exactly one person");
        return emails.get(0);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

}
