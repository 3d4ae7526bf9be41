package com.autoretail.orchestrator.workflow;

import com.autoretail.common.tasks.CallbackSender;
import com.autoretail.common.tracing.TraceIdFilter;
import com.autoretail.orchestrator.OrchestratorProperties;
import com.autoretail.orchestrator.events.EventSignal;
import com.autoretail.orchestrator.events.WorkflowEvents;
import com.autoretail.orchestrator.execution.WorkflowExecutor;
import com.autoretail.orchestrator.planning.PlanningService;
import com.autoretail.orchestrator.policy.OperationPolicy;
import com.autoretail.orchestrator.registry.ServiceRegistry;
import com.autoretail.orchestrator.validation.PlanValidator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * The workflow use case, its journal (memory or Redis) with the workflows' events, the keeper of its leases and the
 * recovery of others'.
 */
@Configuration(proxyBeanMethods = false)
class WorkflowConfiguration {

    /** This orchestrator's name in the leases it holds: its process, and a random part for restarts. */
    private static final String OWNER = "orchestrator-" + ProcessHandle.current().pid() + "-"
            + UUID.randomUUID().toString().substring(0, 8);

    @Bean
    EventSignal workflowEventSignal() {
        return new EventSignal();
    }

    @Bean
    WorkflowStore workflowStore(OrchestratorProperties properties, ObjectProvider<StringRedisTemplate> redis,
                                ObjectMapper mapper, EventSignal signal) {
        OrchestratorProperties.Workflows workflows = properties.workflows();
        if ("redis".equalsIgnoreCase(workflows.store())) {
            return new RedisWorkflowStore(redis.getObject(), mapper, workflows.redisKeyPrefix(), workflows.retention(),
                    workflows.eventStreamKey(), workflows.events().streamMaxLength(),
                    workflows.events().pollInterval(), signal);
        }
        return new InMemoryWorkflowStore(workflows.retention(), workflows.maxEntries(), Clock.systemUTC(), signal);
    }

    /** Workflow events as the journal keeps them, followed live. */
    @Bean
    WorkflowEvents workflowEvents(WorkflowStore store, EventSignal signal, OrchestratorProperties properties) {
        return new WorkflowEvents(store, signal, properties.workflows().events().keepAlive());
    }

    @Bean
    LeaseKeeper leaseKeeper(WorkflowStore store, OrchestratorProperties properties, MeterRegistry meters) {
        return new LeaseKeeper(store, properties.workflows().lease(), LeaseKeeper.writeTimer(meters, store));
    }

    @Bean
    WorkflowService workflowService(WorkflowStore store, LeaseKeeper leases, ServiceRegistry registry,
                                    PlanningService planning, PlanValidator validator, WorkflowExecutor executor,
                                    ObjectMapper mapper, CallbackSender callbacks, ExecutorService agentWorkers,
                                    MeterRegistry meters, OrchestratorProperties properties, OperationPolicy policy,
                                    ObjectProvider<Tracer> tracer) {
        WorkflowRunner runner = new WorkflowRunner(registry, planning, validator, executor, leases,
                new SummaryFormatter(mapper), callbacks, meters, properties.context(), policy);
        return new WorkflowService(store, runner, leases, registry, planning, agentWorkers, OWNER,
                properties.execution().workflowDeadline(), policy, () -> {
                    Tracer current = tracer.getIfAvailable();
                    return current == null ? null : TraceIdFilter.currentTraceId(current);
                });
    }

    @Bean
    WorkflowApprovals workflowApprovals(WorkflowService workflows, WorkflowStore store, LeaseKeeper leases,
                                        ExecutorService agentWorkers, OrchestratorProperties properties,
                                        OperationPolicy policy) {
        return new WorkflowApprovals(workflows, store, workflows.runner(), leases, agentWorkers, OWNER,
                properties.execution().workflowDeadline(), policy);
    }

    @Bean
    WorkflowRecovery workflowRecovery(WorkflowStore store, WorkflowService workflows, ExecutorService agentWorkers,
                                      OrchestratorProperties properties) {
        return new WorkflowRecovery(store, workflows, agentWorkers, OWNER, properties.workflows().lease(),
                properties.workflows().recoveryInterval());
    }
}
