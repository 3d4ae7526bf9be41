package com.autoretail.common.a2a;

import com.autoretail.common.agent.BaseAgentService;
import com.autoretail.common.agent.OperationRunner;
import com.autoretail.common.config.AgentAutoConfiguration;
import com.autoretail.common.config.AgentProperties;
import com.autoretail.common.security.Caller;
import com.autoretail.common.security.EndpointAccess;
import com.autoretail.common.security.SecurityMode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

import java.util.List;

/**
 * A2A for every service: the settings ({@code agent.a2a.*}) for all, and for an agent its card and JSON-RPC endpoint,
 * the endpoint for the fleet's services as {@code /execute} is (the card is open: agent-common's security).
 */
@AutoConfiguration(after = AgentAutoConfiguration.class)
@EnableConfigurationProperties(A2aProperties.class)
public class A2aAutoConfiguration {

    @Bean
    @ConditionalOnBean(BaseAgentService.class)
    @ConditionalOnMissingBean
    AgentA2aController agentA2aController(BaseAgentService agent, OperationRunner runner, A2aProperties properties,
                                          AgentProperties agentProperties, ObjectProvider<SecurityMode> security,
                                          ObjectMapper mapper) {
        return new AgentA2aController(agent, runner, properties, security.getIfAvailable(() -> SecurityMode.OPEN),
                agentProperties.version(), mapper);
    }

    /** An agent's A2A endpoint is for the fleet's services (the orchestrator) and admins, like {@code /execute}. */
    @Bean
    @ConditionalOnBean(BaseAgentService.class)
    @ConditionalOnMissingBean(name = "agentA2aAccess")
    EndpointAccess agentA2aAccess() {
        return EndpointAccess.of(HttpMethod.POST, List.of(A2aProtocol.ENDPOINT), Caller.SERVICE);
    }
}
