package com.autoretail.orchestrator.registry;

import com.autoretail.common.security.ApiKeys;
import com.autoretail.orchestrator.OrchestratorProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** The registry, the client it reads the agents with, and the A2A agents it reads by their cards. */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    @Bean
    AgentProbe agentProbe(RestClient.Builder builder, OrchestratorProperties properties) {
        return new AgentProbe(probeClient(builder, properties));
    }

    @Bean
    A2aAgents a2aAgents(RestClient.Builder builder, OrchestratorProperties properties) {
        return new A2aAgents(properties.a2a().agents(), probeClient(builder, properties));
    }

    @Bean
    ServiceRegistry serviceRegistry(OrchestratorProperties properties, AgentProbe probe, A2aAgents a2aAgents) {
        return new ServiceRegistry(properties, probe, a2aAgents);
    }

    /** A client with the health-check timeouts, sending the agents' key. */
    private static RestClient probeClient(RestClient.Builder builder, OrchestratorProperties properties) {
        var settings = ClientHttpRequestFactorySettings.defaults()
                .withConnectTimeout(properties.healthCheckTimeout())
                .withReadTimeout(properties.healthCheckTimeout());
        RestClient.Builder client = builder.clone().requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(settings));
        properties.apiKeys().sentToAgentsIfSet().ifPresent(key -> client.defaultHeader(ApiKeys.HEADER, key));
        return client.build();
    }
}
