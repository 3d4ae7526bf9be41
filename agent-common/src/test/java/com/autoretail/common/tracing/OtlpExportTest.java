package com.autoretail.common.tracing;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code OTEL_EXPORTER_OTLP_ENDPOINT} turns span export on, with every trace sampled unless said otherwise. */
class OtlpExportTest {

    /** The variables, OtlpExport's work, then the fleet's defaults (AgentDefaults runs after it, adding them last). */
    private static StandardEnvironment processed(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", variables));
        new OtlpExport().postProcessEnvironment(environment, new SpringApplication());
        environment.getPropertySources().addLast(new MapPropertySource("defaults",
                Map.of("management.tracing.sampling.probability", "${TRACING_SAMPLING_PROBABILITY:0.1}")));
        return environment;
    }

    @Test
    void theOpenTelemetryVariableTurnsExportOnToItsTracesPathAndSamplesEverything() {
        StandardEnvironment environment = processed(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://jaeger:4318/"));

        assertThat(environment.getProperty("management.otlp.tracing.endpoint")).isEqualTo("http://jaeger:4318/v1/traces");
        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
        assertThat(OtlpExport.exporting(environment)).isTrue();
    }

    @Test
    void anExplicitSamplingProbabilityStillWins() {
        StandardEnvironment environment = processed(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://jaeger:4318",
                "TRACING_SAMPLING_PROBABILITY", "0.25"));

        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.25");
    }

    @Test
    void withoutTheVariableNothingIsExportedAndTheFleetsSamplingStays() {
        StandardEnvironment environment = processed(Map.of());

        assertThat(environment.getProperty("management.otlp.tracing.endpoint")).isNull();
        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.1");
        assertThat(OtlpExport.exporting(environment)).isFalse();
    }

    @Test
    void anExplicitEndpointWins() {
        StandardEnvironment environment = processed(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://jaeger:4318",
                "management.otlp.tracing.endpoint", "http://collector:4318/v1/traces"));

        assertThat(environment.getProperty("management.otlp.tracing.endpoint"))
                .isEqualTo("http://collector:4318/v1/traces");
    }
}
