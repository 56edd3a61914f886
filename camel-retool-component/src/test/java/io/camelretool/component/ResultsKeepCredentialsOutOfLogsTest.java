package io.camelretool.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelretool.component.model.BulkInviteSummary;
import io.camelretool.component.model.InviteResult;
import io.camelretool.component.model.PendingInvite;
import io.camelretool.component.model.SecretUrls;
import io.camelretool.testing.RetoolSecrets;
import io.camelretool.testing.SecretScan;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every result the component answers, logged as a route would log it ({@code log ${body}}) and printed with
 * {@code toString()}, shows no invite link and no Embed URL: the scan fails the test if a log event or a printed
 * result holds one of the sandbox's links or Embed tokens.
 */
class ResultsKeepCredentialsOutOfLogsTest extends RetoolTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ResultsKeepCredentialsOutOfLogsTest.class);
    private static final String LANDING_PAGE = "8f0e4a52-3c8e-4c7e-9a5e-2f4b0d6c1a99";

    @RegisterExtension
    static SecretScan secrets = SecretScan.of(() -> RetoolSecrets.of(retool.sandbox()));

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:logged").toD("${header.uri}").log("${body}");
            }
        };
    }

    @Test
    void anInviteResultCarriesItsLinkButPrintsItMasked() {
        InviteResult result = logged("retool:invite", "ada@example.com").getMessage().getBody(InviteResult.class);

        assertThat(result.link()).startsWith("https://sandbox.retool.com/user/invite/");
        assertThat(result.toString()).contains("link=https://sandbox.retool.com/…(masked)")
                .doesNotContain(result.link());
        printed(result);
    }

    @Test
    void pendingInvitesAndBulkSummariesPrintNoLink() {
        BulkInviteSummary summary = logged("retool:invite", List.of("a@example.com", "b@example.com"))
                .getMessage().getBody(BulkInviteSummary.class);
        List<?> pending = logged("retool:invite?inviteAction=list", null).getMessage().getBody(List.class);

        assertThat(summary.results()).allSatisfy(result -> assertThat(result.link()).isNotBlank());
        assertThat(pending).hasSize(2).allSatisfy(invite -> assertThat(((PendingInvite) invite).link()).isNotBlank());
        printed(summary);
        pending.forEach(this::printed);
    }

    @Test
    void revokedAndRenewedInvitesPrintNoLink() {
        logged("retool:invite", "grace@example.com");
        Exchange renewed = logged("retool:invite?inviteAction=renew", "grace@example.com");
        Exchange revoked = logged("retool:invite?inviteAction=revoke", "grace@example.com");

        assertThat(renewed.getException()).isNull();
        assertThat(revoked.getException()).isNull();
        printed(renewed.getMessage().getBody());
        printed(revoked.getMessage().getBody());
    }

    @Test
    void anEmbedUrlIsLoggedOnlyMasked() {
        // the body is the URL itself, a String the route hands on (a redirect), so only the component's own log is
        // scanned here
        Exchange minted = send("retool:embedToken?groupIds=1&landingPageUuid=" + LANDING_PAGE, "customer-7");
        String url = minted.getMessage().getHeader(RetoolConstants.EMBED_URL, String.class);

        // the sandbox mints Embed URLs on its own origin, so a browser can open them
        String origin = retool.baseUrl().replaceAll("/+$", "");
        assertThat(url).startsWith(origin + "/embed-url/").contains("token=");
        assertThat(SecretUrls.masked(url)).isEqualTo(origin + "/…(masked)");
    }

    @Test
    void aMaskedUrlKeepsNoneOfItsPathOrQuery() {
        assertThat(SecretUrls.masked("https://acme.retool.com:8443/t/abc?token=xyz"))
                .isEqualTo("https://acme.retool.com:8443/…(masked)");
        assertThat(SecretUrls.masked("not a url with token=xyz")).isEqualTo("…(masked)");
        assertThat(SecretUrls.masked(null)).isNull();
    }

    /** Sends through a route that logs the answer as {@code log ${body}} does. */
    private Exchange logged(String uri, Object body) {
        Exchange exchange = template.request("direct:logged", e -> {
            e.getMessage().setHeader("uri", uri);
            e.getMessage().setBody(body);
        });
        if (exchange.getException() != null) {
            secrets.seen("exception of " + uri, String.valueOf(exchange.getException()));
        }
        return exchange;
    }

    private void printed(Object result) {
        List<String> texts = new ArrayList<>();
        texts.add(String.valueOf(result));
        texts.add(Map.of("result", result).toString());
        LOG.info("Result: {}", result);
        texts.forEach(text -> secrets.seen("toString of " + result.getClass().getSimpleName(), text));
    }
}
