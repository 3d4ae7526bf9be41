package com.autoretail.orchestrator.execution;

import com.autoretail.common.web.ApiKeyFilter;
import com.autoretail.orchestrator.OrchestratorProperties;
import com.autoretail.orchestrator.registry.ServiceRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The executor and the clients it calls the agents with. */
@Configuration(proxyBeanMethods = false)
class ExecutionConfiguration {

    /** Longest an agent call may take: the largest step timeout the validator allows, and some. */
    private static final Duration MAX_CALL = Duration.ofSeconds(330);

    @Bean
    AgentClient agentClient(RestClient.Builder builder, OrchestratorProperties properties, ServiceRegistry registry,
                            ObjectMapper mapper) {
        var settings = ClientHttpRequestFactorySettings.defaults()
                .withConnectTimeout(properties.healthCheckTimeout())
                .withReadTimeout(MAX_CALL);
        // virtual threads for the client's own work: otherwise every call starts a platform thread to send its body
        RestClient.Builder client = builder.clone().requestFactory(ClientHttpRequestFactoryBuilder.jdk()
                .withHttpClientCustomizer(http -> http.executor(Executors.newVirtualThreadPerTaskExecutor()))
                .build(settings));
        properties.apiKeys().sentToAgentsIfSet().ifPresent(key -> client.defaultHeader(ApiKeyFilter.HEADER, key));
        return new AgentClient(client.build(), registry, mapper);
    }

    @Bean
    StepCaller stepCaller(AgentClient client, CircuitBreakerRegistry breakers, ExecutorService agentWorkers,
                          OrchestratorProperties properties) {
        return new StepCaller(client, breakers, agentWorkers, properties.execution().retryBackoff());
    }

    @Bean
    WorkflowExecutor workflowExecutor(StepCaller caller, ExecutorService agentWorkers,
                                      OrchestratorProperties properties, MeterRegistry meters) {
        Compensator compensator = new Compensator(caller, properties.execution().stepTimeoutSeconds());
        return new WorkflowExecutor(caller, compensator, agentWorkers, meters);
    }
}
