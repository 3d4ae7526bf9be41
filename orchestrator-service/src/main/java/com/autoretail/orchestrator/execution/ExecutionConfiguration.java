package com.autoretail.orchestrator.execution;

import com.autoretail.orchestrator.OrchestratorProperties;
import com.autoretail.orchestrator.registry.ServiceRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The executor and the client it calls the agents with. */
@Configuration(proxyBeanMethods = false)
class ExecutionConfiguration {

    /** The longest wait between two tries of an undo. */
    private static final Duration MAX_COMPENSATION_BACKOFF = Duration.ofSeconds(30);

    @Bean
    AgentClient agentClient(OrchestratorProperties properties, ServiceRegistry registry, ObjectMapper mapper,
                            ObjectProvider<ObservationRegistry> observations) {
        // HTTP/1.1: no h2c upgrade attempt on every call; virtual threads for the client's own work
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.healthCheckTimeout())
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        String apiKey = properties.apiKeys().sentToAgentsIfSet().orElse(null);
        return new AgentClient(http, registry, mapper, apiKey, new A2aAgentClient(registry, apiKey),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    StepCaller stepCaller(AgentClient client, CircuitBreakerRegistry breakers, OrchestratorProperties properties) {
        return new StepCaller(client, breakers, properties.execution().retryBackoff());
    }

    @Bean
    WorkflowExecutor workflowExecutor(StepCaller caller, AgentClient client, ExecutorService agentWorkers,
                                      OrchestratorProperties properties, MeterRegistry meters,
                                      ObjectProvider<ObservationRegistry> observations) {
        OrchestratorProperties.Execution execution = properties.execution();
        ObservationRegistry registry = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
        Compensator compensator = new Compensator(client, new Compensator.CompensationPolicy(
                execution.stepTimeoutSeconds(), execution.compensationRetryFor(), execution.compensationBackoff(),
                MAX_COMPENSATION_BACKOFF), meters, registry);
        return new WorkflowExecutor(caller, compensator, agentWorkers, meters, registry);
    }
}
