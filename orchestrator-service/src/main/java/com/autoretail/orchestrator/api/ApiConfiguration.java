package com.autoretail.orchestrator.api;

import com.autoretail.common.config.AgentProperties;
import com.autoretail.common.tasks.CallbackPolicy;
import com.autoretail.common.security.Caller;
import com.autoretail.common.security.EndpointAccess;
import com.autoretail.orchestrator.OrchestratorProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The web layer's own beans: the callback policy, and which back-office roles may call which endpoint (no two rules
 * overlap; admin may call all of them, and only admin what no rule names: agent-common's security).
 */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    /**
     * agent-common's callback policy on the fleet's allow-list ({@code agent.callback.allowed-hosts},
     * {@code CALLBACK_ALLOWED_HOSTS}) and the agents' own addresses, each with its port; named so that it takes the
     * place of agent-common's.
     */
    @Bean
    CallbackPolicy callbackPolicy(AgentProperties agent, OrchestratorProperties properties) {
        Set<String> hosts = new HashSet<>(agent.callback().allowedHosts());
        properties.services().values().forEach(service -> service.urls().forEach(url -> {
            URI uri = URI.create(url.trim());
            if (uri.getHost() != null) {
                hosts.add(uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
            }
        }));
        return new CallbackPolicy(hosts);
    }

    /** Approving or rejecting a workflow that waits for a person. */
    @Bean
    EndpointAccess approvalAccess() {
        return EndpointAccess.of(HttpMethod.POST, List.of("/workflow/*/approve", "/workflow/*/reject"), Caller.APPROVER);
    }

    /** Starting workflows. */
    @Bean
    EndpointAccess orchestrationAccess() {
        return EndpointAccess.of(HttpMethod.POST, List.of("/orchestrate", "/orchestrate-async", "/execute-plan"),
                Caller.OPERATOR);
    }

    /** Reading workflows and the fleet, and who the caller is: every back-office role. */
    @Bean
    EndpointAccess readingAccess() {
        return EndpointAccess.of(HttpMethod.GET, List.of("/workflow/**", "/workflows", "/services", "/whoami"),
                Caller.VIEWER, Caller.OPERATOR, Caller.APPROVER);
    }

    /**
     * The web console's page, scripts and styles, for anyone: they hold no data, and every API call the page makes
     * carries the key its user types in, checked as any caller's.
     */
    @Bean
    EndpointAccess consoleAccess() {
        return EndpointAccess.open(HttpMethod.GET, List.of(ConsolePage.PATH, ConsolePage.PATH + "/**"));
    }

    /** A plan preview (a dry run: nothing happens) for every back-office role. */
    @Bean
    EndpointAccess planPreviewAccess() {
        return EndpointAccess.of(HttpMethod.POST, List.of("/plan"), Caller.VIEWER, Caller.OPERATOR, Caller.APPROVER);
    }
}
