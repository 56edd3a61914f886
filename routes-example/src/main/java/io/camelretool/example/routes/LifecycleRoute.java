package io.camelretool.example.routes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import io.camelretool.component.error.RetoolException;
import io.camelretool.example.SignupServices;
import io.camelretool.example.config.LifecycleSettings;
import io.camelretool.example.files.PrivateFiles;
import io.camelretool.example.ledger.LedgerException;
import io.camelretool.example.ledger.LedgerLifecycle;
import io.camelretool.example.lifecycle.AttributeSyncer;
import io.camelretool.example.lifecycle.InviteLifecycle;
import io.camelretool.example.lifecycle.InviteRenewals;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * Follows every person after the invite. The component's {@code retool:invite} consumer reads Retool's invite list
 * once a round (every LIFECYCLE_PERIOD_MS, streamed, whatever the size of the ledger) and emits each change, which
 * moves the person's row (JOINED, EXPIRED, REVOKED, VANISHED); then expired invites are renewed. The consumer's
 * position is kept in a file beside the ledger, so a restart neither misses nor repeats a change; on a second node
 * (its own position) a change is seen twice and changes the row once. A later signup whose attributes differ from
 * those last applied has them applied to the person's invite or user (its report line: UPDATED).
 */
public class LifecycleRoute extends RouteBuilder {

    /** The registry name of the consumer's position. */
    static final String STATE = "lifecycleInviteState";

    @Override
    public void configure() throws Exception {
        SignupServices services = SignupServices.of(getCamelContext());
        LifecycleSettings settings = LifecycleSettings.from(getCamelContext());
        LedgerLifecycle ledger = services.ledgerLifecycle();
        InviteLifecycle lifecycle = new InviteLifecycle(ledger);
        InviteRenewals renewals = new InviteRenewals(ledger, services.settings().policy(), settings.maxRenewals(),
                services.settings().reconcileAfter(), Clock.systemUTC());
        Path stateFile = PrivateFiles.directory(services.settings().signupsDir().resolve("lifecycle"))
                .resolve("invites.state");
        if (!Files.exists(stateFile)) {
            // made private before Camel's repository writes to it (it keeps the file's mode)
            PrivateFiles.write(stateFile, "");
        }
        getCamelContext().getRegistry().bind(STATE, FileStateRepository.fileStateRepository(stateFile.toFile()));
        long period = settings.period().toMillis();

        // the first read at once: readiness waits for every consumer's first poll
        from("retool:invite?initialDelay=0&delay=" + period + "&stateRepository=#" + STATE + "&stateKey=ledger")
                .routeId("invite-lifecycle")
                .onException(LedgerException.class).handled(false).logStackTrace(false)
                    .log(LoggingLevel.WARN, "The ledger cannot take a change of invite ${header.CamelRetoolInviteId}; "
                                            + "it comes again next round: ${exception.message}")
                .end()
                .process(lifecycle::apply);

        ProducerTemplate retool = getCamelContext().createProducerTemplate();
        AttributeSyncer attributes = new AttributeSyncer(services.attributeSync(), services.settings().dryRun());
        from("timer:attribute-sync?synchronous=true&delay=1000&period={{pipeline.poll-delay}}")
                .routeId("attribute-sync")
                .onException(LedgerException.class).handled(true).logStackTrace(false)
                    .log(LoggingLevel.WARN, "Attribute updates wait for the ledger: ${exception.message}")
                .end()
                .process(exchange -> attributes.syncDue(retool));

        if (settings.renewExpired() && !services.settings().dryRun()) {
            from("timer:invite-renewals?synchronous=true&delay=5000&period=" + period).routeId("invite-renewals")
                    .onException(RetoolException.class, LedgerException.class).handled(true).logStackTrace(false)
                        .log(LoggingLevel.WARN, "Renewing expired invites waits for the next round: "
                                                + "${exception.message}")
                    .end()
                    .process(exchange -> renewals.renewDue(retool));
        }
    }
}
