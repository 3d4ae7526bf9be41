package com.autoretail.orchestrator.registry;

import com.autoretail.common.security.ApiKeys;
import com.autoretail.orchestrator.OrchestratorProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** The registry and the client it reads the agents with. */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    @Bean
    AgentProbe agentProbe(RestClient.Builder builder, OrchestratorProperties properties) {
        var settings = ClientHttpRequestFactorySettings.defaults()
                .withConnectTimeout(properties.healthCheckTimeout())
                .withReadTimeout(properties.healthCheckTimeout());
        RestClient.Builder client = builder.clone().requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(settings));
        properties.apiKeys().sentToAgentsIfSet().ifPresent(key -> client.defaultHeader(ApiKeys.HEADER, key));
        return new AgentProbe(client.build());
    }

    @Bean
    ServiceRegistry serviceRegistry(OrchestratorProperties properties, AgentProbe probe) {
        return new ServiceRegistry(properties, probe);
    }
}
