package io.camelretool.springboot;

import java.net.http.HttpClient;
import java.util.Set;

import io.camelretool.component.RetoolConfiguration;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Binds the object options from a bean reference, as Camel's starters do:
 * {@code camel.component.retool.ssl-context-parameters=#retoolTls} (or {@code #bean:retoolTls}) takes the
 * application's bean of that name.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
public class RetoolComponentConverter implements GenericConverter {

    private static final Set<Class<?>> REFERABLE = Set.of(RetoolConfiguration.class, SSLContextParameters.class,
            HttpClient.class);

    private final ApplicationContext applicationContext;

    public RetoolComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, RetoolConfiguration.class),
                new ConvertiblePair(String.class, SSLContextParameters.class),
                new ConvertiblePair(String.class, HttpClient.class));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null || !REFERABLE.contains(targetType.getType())) {
            return null;
        }
        String reference = source.toString();
        if (!reference.startsWith("#")) {
            return null;
        }
        String name = reference.startsWith("#bean:") ? reference.substring("#bean:".length()) : reference.substring(1);
        return applicationContext.getBean(name, targetType.getType());
    }
}
