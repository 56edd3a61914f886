package io.camelretool.springboot;

import io.camelretool.component.RetoolComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Configures the {@code retool} component from {@code camel.component.retool.*}, as Camel's own starters configure
 * theirs: a {@link ComponentCustomizer} copies every set property onto the component when Camel creates it.
 * {@code camel.component.retool.enabled=false} (or {@code camel.component.enabled=false}) turns this off, and
 * {@code camel.component.retool.customizer.enabled=false} keeps the component as created, for a customizer of the
 * application's own.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, RetoolComponentConverter.class })
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, RetoolComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.retool" })
public class RetoolComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final RetoolComponentConfiguration configuration;

    public RetoolComponentAutoConfiguration(ApplicationContext applicationContext, CamelContext camelContext,
                                            RetoolComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureRetoolComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.retool.customizer") && target instanceof RetoolComponent;
            }
        };
    }
}
