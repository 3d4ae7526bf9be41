package com.autoretail.mcpstubs;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Reads {@code stub} from the prepared environment (argument, system property or {@code STUB}) and
 * gives the chosen stub its port, MCP server name and name in traces, at the lowest precedence so that
 * {@code --server.port} still wins. {@code OTEL_EXPORTER_OTLP_ENDPOINT} turns span export on, every trace sampled
 * (else {@code TRACING_SAMPLING_PROBABILITY}, 0.1 by default), as in every service of the fleet.
 */
final class StubDefaults implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String OTLP_ENDPOINT_VARIABLE = "OTEL_EXPORTER_OTLP_ENDPOINT";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        String key = environment.getProperty("stub");
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("Choose the stub to run: --stub=payment|repair-orders|parts");
        }
        Stub stub = Stub.of(key.trim());
        Map<String, Object> defaults = new HashMap<>(Map.of("server.port", stub.defaultPort(),
                "spring.ai.mcp.server.name", stub.serverName(),
                // each stub is a service of its own in the traces
                "management.opentelemetry.resource-attributes.service.name", stub.serverName(),
                "management.tracing.sampling.probability", "${TRACING_SAMPLING_PROBABILITY:0.1}",
                "management.tracing.propagation.type", "w3c"));
        // as agent-common's OtlpExport does for the agents: the OpenTelemetry variable turns export on
        String otlp = environment.getProperty(OTLP_ENDPOINT_VARIABLE);
        if (otlp != null && !otlp.isBlank()) {
            defaults.put("management.otlp.tracing.endpoint", otlp.strip().replaceAll("/+$", "") + "/v1/traces");
            defaults.put("management.tracing.sampling.probability", "${TRACING_SAMPLING_PROBABILITY:1.0}");
        }
        environment.getPropertySources().addLast(new MapPropertySource("stubDefaults", defaults));
    }

}
