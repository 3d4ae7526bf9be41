package com.autoretail.orchestrator.policy;

import com.autoretail.orchestrator.OrchestratorProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The operation policy from {@code orchestrator.policy.*}. */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    @Bean
    OperationPolicy operationPolicy(OrchestratorProperties properties) {
        return new OperationPolicy(properties.policy());
    }
}
