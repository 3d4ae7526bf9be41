package com.autoretail.common.tracing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Turns span export on when {@value #ENDPOINT_VARIABLE} (the OpenTelemetry SDK's own variable: the collector's
 * base URL, e.g. {@code http://jaeger:4318}) is set: Spring Boot's {@code management.otlp.tracing.endpoint} becomes
 * {@code <base>/v1/traces} (OTLP over HTTP), and every trace is sampled unless {@code TRACING_SAMPLING_PROBABILITY}
 * says otherwise, since someone who turns tracing on expects to see their request. Without the variable nothing is
 * exported and the fleet's default sampling stays. An explicit {@code management.otlp.tracing.endpoint} wins.
 * Runs before {@code AgentDefaults}, so that these values sit above the fleet's defaults and below everything else.
 */
public class OtlpExport implements EnvironmentPostProcessor, Ordered {

    public static final String ENDPOINT_VARIABLE = "OTEL_EXPORTER_OTLP_ENDPOINT";
    static final String SOURCE = "otlpExport";
    static final String TRACES_PATH = "/v1/traces";
    static final String ENDPOINT_PROPERTY = "management.otlp.tracing.endpoint";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String base = environment.getProperty(ENDPOINT_VARIABLE);
        if (base == null || base.isBlank() || environment.getPropertySources().contains(SOURCE)) {
            return;
        }
        String trimmed = base.strip().replaceAll("/+$", "");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(
                ENDPOINT_PROPERTY, trimmed + TRACES_PATH,
                "management.tracing.sampling.probability", "${TRACING_SAMPLING_PROBABILITY:1.0}")));
    }

    /** Whether spans leave the service: an OTLP endpoint is configured. */
    public static boolean exporting(org.springframework.core.env.Environment environment) {
        String endpoint = environment.getProperty(ENDPOINT_PROPERTY);
        return endpoint != null && !endpoint.isBlank();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
