package com.autoretail.common.tracing;

import io.lettuce.core.tracing.MicrometerTracing;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.data.redis.ClientResourcesBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * The fleet's tracing around Spring Boot's: the {@code X-Trace-Id} response header, no spans for health checks and
 * probes (the orchestrator polls every agent's {@code /health}; a trace per poll would bury the requests), and the
 * Redis commands as spans ({@code MicrometerTracing}, Lettuce's own Micrometer observation) while spans are exported.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration"})
public class TracingAutoConfiguration {

    @Bean
    @ConditionalOnBean(Tracer.class)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnMissingBean(name = "traceIdFilter")
    FilterRegistrationBean<TraceIdFilter> traceIdFilter(Tracer tracer) {
        var registration = new FilterRegistrationBean<>(new TraceIdFilter(tracer));
        // inside ServerHttpObservationFilter (HIGHEST_PRECEDENCE + 1), before security and the body size filter
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean(name = "probesUntraced")
    ObservationPredicate probesUntraced() {
        return (name, context) -> {
            if (context instanceof ServerRequestObservationContext server) {
                return !Probes.isProbe(server.getCarrier().getRequestURI());
            }
            if (context instanceof ClientRequestObservationContext client && client.getCarrier() != null) {
                return !Probes.isProbe(client.getCarrier().getURI().getPath());
            }
            return true;
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MicrometerTracing.class)
    @ConditionalOnProperty(OtlpExport.ENDPOINT_PROPERTY)
    static class RedisSpans {
        @Bean
        ClientResourcesBuilderCustomizer redisObservations(ObjectProvider<ObservationRegistry> observations,
                                                           Environment environment) {
            String service = environment.getProperty("spring.application.name", "redis-client");
            return builder -> builder.tracing(new MicrometerTracing(
                    observations.getIfAvailable(() -> ObservationRegistry.NOOP), service));
        }
    }
}
