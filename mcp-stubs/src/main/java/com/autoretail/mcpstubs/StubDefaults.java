package com.autoretail.mcpstubs;

import java.util.Map;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Reads {@code stub} from the prepared environment (argument, system property or {@code STUB}) and
 * gives the chosen stub its port and MCP server name, at the lowest precedence so that
 * {@code --server.port} still wins.
 */
final class StubDefaults implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        String key = environment.getProperty("stub");
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("Choose the stub to run: --stub=payment|repair-orders|parts");
        }
        Stub stub = Stub.of(key.trim());
        environment.getPropertySources()
            .addLast(new MapPropertySource("stubDefaults", Map.of("server.port", stub.defaultPort(),
                    "spring.ai.mcp.server.name", stub.serverName())));
    }

}
