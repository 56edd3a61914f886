package io.camelretool.example.routes;

import java.time.Clock;
import javax.sql.DataSource;

import io.camelretool.component.RetoolComponent;
import io.camelretool.example.config.ExampleSettings;
import io.camelretool.example.config.LifecycleSettings;
import io.camelretool.example.healing.RetoolOutage;
import io.camelretool.example.ledger.AttributeSync;
import io.camelretool.example.ledger.Ledger;
import io.camelretool.example.ledger.LedgerLifecycle;
import io.camelretool.example.pipeline.SignupIntake;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/**
 * The services {@code config/PipelineBeans} takes, bound under their types as the application's setup binds them:
 * here over a ledger in memory, with the settings read from the test's properties. A route test of the pipeline's,
 * the lifecycle's or the senders' route file names this class and PipelineBeans as its configuration classes.
 */
public class PipelineServices implements CamelConfiguration {

    @BindToRegistry("ledgerDataSource")
    public DataSource ledgerDataSource() {
        return RouteTestLedgers.memory("pipeline");
    }

    @BindToRegistry("ledger")
    public Ledger ledger(DataSource dataSource) {
        Ledger ledger = new Ledger(dataSource, Clock.systemUTC());
        ledger.createSchema();
        return ledger;
    }

    @BindToRegistry("ledgerLifecycle")
    public LedgerLifecycle ledgerLifecycle(DataSource dataSource) {
        return new LedgerLifecycle(dataSource, Clock.systemUTC());
    }

    @BindToRegistry("attributeSync")
    public AttributeSync attributeSync(DataSource dataSource) {
        return new AttributeSync(dataSource, Clock.systemUTC());
    }

    @BindToRegistry("exampleSettings")
    public ExampleSettings exampleSettings(CamelContext context) {
        return ExampleSettings.from(context);
    }

    @BindToRegistry("lifecycleSettings")
    public LifecycleSettings lifecycleSettings(CamelContext context) {
        return LifecycleSettings.from(context);
    }

    @BindToRegistry("signupIntake")
    public SignupIntake signupIntake(Ledger ledger, ExampleSettings settings) {
        return new SignupIntake(ledger, settings.classifier());
    }

    @BindToRegistry("retoolOutage")
    public RetoolOutage retoolOutage(Ledger ledger, ExampleSettings settings, CamelContext context) {
        return new RetoolOutage(settings.healing().firstProbe(), settings.healing().maxProbe(), Clock.systemUTC(),
                ledger::waitingSummary, ledger::wakeWaiting,
                context.resolvePropertyPlaceholders("{{camel.component.retool.base-url:}}"));
    }

    /** As the application does: every retool endpoint asks the outage before a call, and tells it the outcome. */
    @Override
    public void configure(CamelContext context) {
        context.getComponent("retool", RetoolComponent.class)
                .setCallGate(context.getRegistry().findSingleByType(RetoolOutage.class));
    }
}
