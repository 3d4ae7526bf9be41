package com.autoretail.common.config;

import com.autoretail.common.agent.AgentController;
import com.autoretail.common.agent.AgentToolkit;
import com.autoretail.common.agent.BaseAgentService;
import com.autoretail.common.agent.ExecutionLimits;
import com.autoretail.common.agent.OperationRunner;
import com.autoretail.common.idempotency.IdempotencyStore;
import com.autoretail.common.idempotency.InMemoryIdempotencyStore;
import com.autoretail.common.idempotency.RedisIdempotencyStore;
import com.autoretail.common.mcp.McpClientSettings;
import com.autoretail.common.mcp.McpHealthIndicator;
import com.autoretail.common.mcp.McpToolClient;
import com.autoretail.common.mcp.TraceHeaders;
import com.autoretail.common.security.ApiKeys;
import com.autoretail.common.security.Caller;
import com.autoretail.common.security.EndpointAccess;
import com.autoretail.common.security.SecurityMode;
import com.autoretail.common.tasks.CallbackPolicy;
import com.autoretail.common.tasks.CallbackSender;
import com.autoretail.common.tasks.TaskRegistry;
import com.autoretail.common.web.BodySizeLimitFilter;
import com.autoretail.common.web.ErrorResponses;
import com.autoretail.common.web.ProblemAdvice;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.client.RestClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Everything an agent has in common, configured around the application's one {@link BaseAgentService} bean:
 * the contract's endpoints, the MCP client, idempotency, async tasks and callbacks, the agent contract's
 * access rule, the body size filter, problem+json errors, health and metrics. Every bean gives way to one the application declares.
 */
@AutoConfiguration(after = {JacksonAutoConfiguration.class, RedisAutoConfiguration.class})
@EnableConfigurationProperties(AgentProperties.class)
public class AgentAutoConfiguration {

    static final String MCP_BREAKER = "mcp";
    static final String CALLBACK_RETRY = "agent-callback";

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(name = "agentWorkers")
    ExecutorService agentWorkers() {
        // virtual threads that carry the caller's context (trace, observation) into the work they run
        ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();
        return ContextExecutorService.wrap(Executors.newVirtualThreadPerTaskExecutor(), snapshots::captureAll);
    }

    @Bean
    @ConditionalOnMissingBean
    ErrorResponses errorResponses(ObjectMapper mapper) {
        return new ErrorResponses(mapper);
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemAdvice problemAdvice() {
        return new ProblemAdvice();
    }

    @Bean
    @ConditionalOnMissingBean
    CallbackPolicy callbackPolicy(AgentProperties properties) {
        return new CallbackPolicy(properties.callback().allowedHosts());
    }

    @Bean
    @ConditionalOnMissingBean
    CallbackSender callbackSender(RestClient.Builder builder, RetryRegistry retries, AgentProperties properties,
                                  CallbackPolicy policy) {
        // a redirect would turn the POST into a GET of wherever the receiver points: never followed
        var settings = ClientHttpRequestFactorySettings.defaults()
                .withConnectTimeout(properties.callback().timeout())
                .withReadTimeout(properties.callback().timeout())
                .withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
        RestClient http = builder.clone()
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk()
                        .withHttpClientCustomizer(client -> client.executor(Executors.newVirtualThreadPerTaskExecutor()))
                        .build(settings))
                .build();
        return new CallbackSender(http, retries.retry(CALLBACK_RETRY), policy);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty("agent.mcp.endpoint")
    McpToolClient mcpToolClient(AgentProperties properties, CircuitBreakerRegistry breakers, ObjectMapper mapper,
                                ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
                                ObjectProvider<ObservationRegistry> observations, Environment environment) {
        AgentProperties.Mcp mcp = properties.mcp();
        String clientName = environment.getProperty("spring.application.name", "agent");
        Map<String, String> headers = new HashMap<>(mcp.headers() == null ? Map.of() : mcp.headers());
        if (mcp.apiKey() != null && !mcp.apiKey().isBlank()) {
            headers.put(ApiKeys.HEADER, mcp.apiKey());
        }
        McpClientSettings settings = new McpClientSettings(mcp.endpoint(), headers, mcp.requestTimeout(),
                mcp.connectTimeout(), mcp.monitorInterval(), clientName, properties.version());
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        McpToolClient client = new McpToolClient(settings, breakers.circuitBreaker(MCP_BREAKER), mapper,
                t == null || p == null ? Map::of : new TraceHeaders(t, p),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
        client.start();
        return client;
    }

    @Bean
    @ConditionalOnBean(McpToolClient.class)
    @ConditionalOnMissingBean(name = "mcpHealthIndicator")
    McpHealthIndicator mcpHealthIndicator(McpToolClient mcp) {
        return new McpHealthIndicator(mcp);
    }

    @Bean
    @ConditionalOnMissingBean
    AgentToolkit agentToolkit(ObjectProvider<McpToolClient> mcp, CallbackSender callbacks) {
        return new AgentToolkit(Optional.ofNullable(mcp.getIfAvailable()), callbacks);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "agent.idempotency.store", havingValue = "redis")
    static class RedisIdempotency {
        @Bean
        @ConditionalOnMissingBean
        IdempotencyStore idempotencyStore(StringRedisTemplate redis, ObjectMapper mapper, AgentProperties properties,
                                          ObjectProvider<BaseAgentService> agent) {
            String key = agent.getIfAvailable() == null ? "fleet" : agent.getObject().info().serviceKey();
            return new RedisIdempotencyStore(redis, mapper, properties.idempotency().redisKeyPrefix() + key + ":");
        }
    }

    @Bean
    @ConditionalOnMissingBean
    IdempotencyStore inMemoryIdempotencyStore(AgentProperties properties) {
        return new InMemoryIdempotencyStore(properties.idempotency().maxEntries());
    }

    @Bean
    @ConditionalOnBean(BaseAgentService.class)
    @ConditionalOnMissingBean
    OperationRunner operationRunner(BaseAgentService agent, IdempotencyStore idempotency,
                                    AgentProperties properties, ExecutorService agentWorkers, MeterRegistry meters,
                                    ObjectProvider<ObservationRegistry> observations) {
        ExecutionLimits limits = new ExecutionLimits(properties.defaultTimeout(), properties.maxTimeout(),
                properties.idempotency().lease(), properties.idempotency().retention(),
                properties.simulatedLatency());
        return new OperationRunner(agent, idempotency, limits, agentWorkers, meters,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    @ConditionalOnMissingBean
    TaskRegistry taskRegistry(AgentProperties properties, ExecutorService agentWorkers) {
        return new TaskRegistry(properties.tasks().retention(), properties.tasks().maxTasks(), agentWorkers);
    }

    @Bean
    @ConditionalOnBean(BaseAgentService.class)
    @ConditionalOnMissingBean
    AgentController agentController(BaseAgentService agent, OperationRunner runner, TaskRegistry tasks,
                                    CallbackPolicy callbacks, AgentProperties properties,
                                    ObjectProvider<SecurityMode> security) {
        return new AgentController(agent, runner, tasks, callbacks, properties.version(),
                security.getIfAvailable(() -> SecurityMode.OPEN));
    }

    /** The agent contract's endpoints are for the fleet's services (the orchestrator) and admins. */
    @Bean
    @ConditionalOnBean(BaseAgentService.class)
    @ConditionalOnMissingBean(name = "agentContractAccess")
    EndpointAccess agentContractAccess() {
        return EndpointAccess.any(List.of("/execute", "/execute-async", "/status/**", "/capabilities"), Caller.SERVICE);
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(AgentProperties properties,
                                                                    ErrorResponses errors) {
        var registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(properties.maxBodySize().toBytes(), errors));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
