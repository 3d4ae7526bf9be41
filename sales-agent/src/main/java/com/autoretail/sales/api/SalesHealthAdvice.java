package com.autoretail.sales.api;

import com.autoretail.common.agent.AgentController;
import com.autoretail.common.wire.AgentHealth;
import com.autoretail.sales.SalesProperties;
import com.autoretail.sales.inventory.InventoryClient;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gives the fleet's {@code GET /health} (agent-common's {@link AgentController}) the sales agent's shape: the integration guide's
 * {@code status}, {@code sales_agent: running} and {@code inventory_service: connected|unavailable}, keeping the
 * fleet's fields. A second {@code /health} mapping would clash with the fleet's at start-up, and replacing the
 * fleet's controller would lose {@code /execute}; this rewrites only that one body.
 *
 * <p>{@code status} stays the fleet's {@code UP} (200) while the inventory is away: the agent still answers every
 * message, with an apology where stock is needed, so the inventory is reported under {@code inventory_service} and
 * {@code dependencies.inventory} but does not take the agent down.
 */
@ControllerAdvice(assignableTypes = AgentController.class)
class SalesHealthAdvice implements ResponseBodyAdvice<Object> {

    private final InventoryClient inventory;
    private final String inventoryUrl;

    SalesHealthAdvice(InventoryClient inventory, SalesProperties properties) {
        this.inventory = inventory;
        this.inventoryUrl = properties.inventory().url();
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (!(body instanceof AgentHealth health)) {
            return body;
        }
        boolean connected = inventory.healthCheck();
        Map<String, AgentHealth.Dependency> dependencies = new LinkedHashMap<>(health.dependencies());
        dependencies.put("inventory", connected ? AgentHealth.Dependency.up(inventoryUrl)
                : AgentHealth.Dependency.down(inventoryUrl, "unreachable or unhealthy; messages needing stock get an apology"));
        return new SalesHealth(health.status(), SalesHealth.RUNNING,
                connected ? SalesHealth.CONNECTED : SalesHealth.UNAVAILABLE, health.service(), health.version(),
                health.uptimeSeconds(), dependencies);
    }
}
