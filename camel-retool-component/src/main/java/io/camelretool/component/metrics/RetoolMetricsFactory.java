package io.camelretool.component.metrics;

import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;

/**
 * Finds the application's Micrometer registry: a single {@code MeterRegistry} in Camel's registry (as
 * camel-micrometer and Spring Boot Actuator bind one). Micrometer is an optional dependency, so its classes are
 * touched (by the nested holder, loaded on first use) only once it is known to be on the class path.
 */
public final class RetoolMetricsFactory {

    private static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

    private RetoolMetricsFactory() {
    }

    /** Meters in the registry's MeterRegistry, or {@link RetoolMetrics#NONE} without Micrometer or a registry. */
    public static RetoolMetrics of(CamelContext camelContext) {
        ClassLoader loader = RetoolMetricsFactory.class.getClassLoader();
        try {
            Class.forName(METER_REGISTRY, false, loader);
        } catch (ClassNotFoundException noMicrometer) {
            return RetoolMetrics.NONE;
        }
        return WithMicrometer.of(camelContext);
    }

    /** Holds the Micrometer types, so that this class is the only one loaded with them. */
    private static final class WithMicrometer {

        /** The one registry, or among several (Spring Boot binds each beside their composite) the composite. */
        static RetoolMetrics of(CamelContext camelContext) {
            Set<MeterRegistry> registries = camelContext.getRegistry().findByType(MeterRegistry.class);
            return registries.stream()
                    .filter(registry -> registries.size() == 1 || registry instanceof CompositeMeterRegistry)
                    .findFirst()
                    .<RetoolMetrics> map(MicrometerRetoolMetrics::new)
                    .orElse(RetoolMetrics.NONE);
        }
    }
}
