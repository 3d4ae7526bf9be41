package com.autoretail.orchestrator.api;

import com.autoretail.common.config.AgentProperties;
import com.autoretail.common.tasks.CallbackPolicy;
import com.autoretail.common.web.ApiKeyFilter;
import com.autoretail.common.web.ErrorResponses;
import com.autoretail.orchestrator.OrchestratorProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.net.URI;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** The web layer's own beans: the callback policy, and the API key callers must send when one is set. */
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

    /**
     * {@code orchestrator.api-keys.accepted} ({@code ORCHESTRATOR_API_KEY}); named {@code apiKeyFilter} so that it
     * takes the place of agent-common's, which checks an agent's own key ({@code AGENT_API_KEY}).
     */
    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(OrchestratorProperties properties, ErrorResponses errors) {
        Optional<String> key = properties.apiKeys().acceptedIfSet();
        var registration = new FilterRegistrationBean<>(new ApiKeyFilter(key.orElse(""), errors));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setEnabled(key.isPresent());
        return registration;
    }
}
