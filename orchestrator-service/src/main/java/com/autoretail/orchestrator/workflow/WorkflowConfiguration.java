package com.autoretail.orchestrator.workflow;

import com.autoretail.common.tasks.CallbackSender;
import com.autoretail.orchestrator.OrchestratorProperties;
import com.autoretail.orchestrator.execution.WorkflowExecutor;
import com.autoretail.orchestrator.planning.PlanningService;
import com.autoretail.orchestrator.registry.ServiceRegistry;
import com.autoretail.orchestrator.validation.PlanValidator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.concurrent.ExecutorService;

/** The workflow use case and the store of its records. */
@Configuration(proxyBeanMethods = false)
class WorkflowConfiguration {

    private static final String REDIS_PREFIX = "orchestrator:workflow:";

    @Bean
    WorkflowStore workflowStore(OrchestratorProperties properties, ObjectProvider<StringRedisTemplate> redis,
                                ObjectMapper mapper) {
        OrchestratorProperties.Workflows workflows = properties.workflows();
        if ("redis".equalsIgnoreCase(workflows.store())) {
            return new RedisWorkflowStore(redis.getObject(), mapper, REDIS_PREFIX, workflows.retention());
        }
        return new InMemoryWorkflowStore(workflows.retention(), workflows.maxEntries());
    }

    @Bean
    WorkflowService workflowService(ServiceRegistry registry, PlanningService planning, PlanValidator validator,
                                    WorkflowExecutor executor, WorkflowStore store, ObjectMapper mapper,
                                    CallbackSender callbacks, ExecutorService agentWorkers, MeterRegistry meters,
                                    OrchestratorProperties properties) {
        return new WorkflowService(registry, planning, validator, executor, store, new SummaryFormatter(mapper),
                callbacks, agentWorkers, meters, properties.context());
    }
}
