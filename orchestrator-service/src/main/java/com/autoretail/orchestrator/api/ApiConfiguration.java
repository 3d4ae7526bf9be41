package com.autoretail.orchestrator.api;

import com.autoretail.common.tasks.CallbackSender;
import com.autoretail.orchestrator.OrchestratorProperties;
import com.autoretail.orchestrator.execution.WorkflowExecutor;
import com.autoretail.orchestrator.planning.PlanValidator;
import com.autoretail.orchestrator.planning.PlanningService;
import com.autoretail.orchestrator.registry.ServiceRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/** The API, the workflow store and the callback policy. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    @Bean
    WorkflowStore workflowStore(OrchestratorProperties properties, ObjectProvider<StringRedisTemplate> redis,
                                ObjectMapper mapper) {
        OrchestratorProperties.Workflows workflows = properties.workflows();
        if ("redis".equalsIgnoreCase(workflows.store())) {
            return new RedisWorkflowStore(redis.getObject(), mapper, "orchestrator:workflow:", workflows.retention());
        }
        return new InMemoryWorkflowStore(workflows.retention(), workflows.maxEntries());
    }

    @Bean
    CallbackPolicy callbackPolicy(OrchestratorProperties properties) {
        Set<String> hosts = new HashSet<>(properties.callbacks().allowedHosts());
        properties.services().values().forEach(service -> service.urls().forEach(url -> {
            String host = URI.create(url.trim()).getHost();
            if (host != null) {
                hosts.add(host);
            }
        }));
        return new CallbackPolicy(hosts);
    }

    @Bean
    OrchestrationService orchestrationService(ServiceRegistry registry, PlanningService planning,
                                              PlanValidator validator, WorkflowExecutor executor, WorkflowStore store,
                                              ObjectMapper mapper, CallbackSender callbacks,
                                              ExecutorService agentWorkers, MeterRegistry meters,
                                              OrchestratorProperties properties) {
        return new OrchestrationService(registry, planning, validator, executor, store, new SummaryFormatter(mapper),
                callbacks, agentWorkers, meters, properties.context());
    }

    @Bean
    OrchestratorController orchestratorController(OrchestrationService orchestration, ServiceRegistry registry,
                                                  WorkflowStore store, CallbackPolicy callbacks,
                                                  PlanningService planning) {
        return new OrchestratorController(orchestration, registry, store, callbacks, planning.planner());
    }
}
