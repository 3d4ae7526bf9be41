package com.autoretail.orchestrator.api.a2a;

import com.autoretail.common.security.Caller;
import com.autoretail.common.security.EndpointAccess;
import com.autoretail.orchestrator.OrchestratorProperties;
import com.autoretail.orchestrator.events.WorkflowEvents;
import com.autoretail.orchestrator.workflow.WorkflowService;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import java.util.List;

/**
 * The A2A endpoint's beans and its access rule: every back-office role may call it; each method then asks what its
 * REST twin asks ({@code operator} to start a workflow, approvers to cancel one, the workflow's readers to read it).
 */
@Configuration(proxyBeanMethods = false)
class A2aConfiguration {

    @Bean
    WorkflowTasks workflowTasks(ObjectMapper mapper) {
        return new WorkflowTasks(mapper);
    }

    @Bean
    A2aStreams a2aStreams(WorkflowService workflows, WorkflowEvents events, WorkflowTasks tasks,
                          OrchestratorProperties properties) {
        return new A2aStreams(new WorkflowFeed(workflows, events), tasks, properties.a2a().streamTimeout());
    }

    @Bean
    EndpointAccess a2aAccess() {
        return EndpointAccess.of(HttpMethod.POST, List.of("/a2a"), Caller.VIEWER, Caller.OPERATOR, Caller.APPROVER);
    }
}
