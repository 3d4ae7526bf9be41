package com.autoretail.orchestrator.testsupport;

import com.autoretail.orchestrator.OrchestratorProperties;
import com.autoretail.orchestrator.policy.OperationPolicy;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

/** The operation policy as the application binds it: its defaults, with the settings given as overrides. */
public final class Policies {

    private Policies() {
    }

    /** {@code orchestrator.policy.*} bound from these settings (keys below the prefix, e.g. {@code approval.refunds}). */
    public static OrchestratorProperties.Policy settings(Map<String, String> overrides) {
        Map<String, String> prefixed = new java.util.HashMap<>();
        overrides.forEach((key, value) -> prefixed.put("orchestrator.policy." + key, value));
        return new Binder(new MapConfigurationPropertySource(prefixed))
                .bindOrCreate("orchestrator.policy", OrchestratorProperties.Policy.class);
    }

    public static OperationPolicy policy(Map<String, String> overrides) {
        return new OperationPolicy(settings(overrides));
    }

    public static OperationPolicy defaults() {
        return policy(Map.of());
    }
}
