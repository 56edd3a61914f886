package io.camelretool.component;

import java.util.Collection;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProducerHealthCheckTest extends RetoolTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // as camel.health.producers-enabled=true does in Camel Main: producer checks are off by default
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(context);
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        HealthCheckHelper.getHealthCheckRepository(context, "producers").setEnabled(true);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:good").to("retool:invite");
                from("direct:wrongKey").to("retool:invite?apiKey=RAW(retool_revoked)");
            }
        };
    }

    @Test
    void isUpWithAWorkingKeyAndDownWithARefusedOneOrWhenRetoolAnswersHtml() {
        Collection<HealthCheck.Result> results = producerChecks();

        assertThat(results).hasSize(2);
        assertThat(results).filteredOn(result -> result.getState() == HealthCheck.State.UP).hasSize(1);
        assertThat(results).filteredOn(result -> result.getState() == HealthCheck.State.DOWN).singleElement()
                .satisfies(result -> assertThat(result.getMessage()).hasValueSatisfying(
                        message -> assertThat(message).contains("401").doesNotContain("retool_revoked")));
        assertThat(sandbox().requests()).allMatch(request -> request.path().equals("/api/v2/user_attributes"));

        sandbox().faults().htmlRate(1.0);
        assertThat(producerChecks()).allMatch(result -> result.getState() == HealthCheck.State.DOWN);
    }

    private java.util.List<HealthCheck.Result> producerChecks() {
        // called one by one: the registry's default exposure level leaves out checks that are up
        return HealthCheckHelper.getHealthCheckRepository(context, "producers").stream()
                .filter(check -> check.getId().startsWith("producer:retool-"))
                .map(HealthCheck::call)
                .toList();
    }
}
