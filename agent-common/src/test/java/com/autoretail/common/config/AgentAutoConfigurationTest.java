package com.autoretail.common.config;

import com.autoretail.common.agent.AgentController;
import com.autoretail.common.agent.AgentInfo;
import com.autoretail.common.agent.AgentToolkit;
import com.autoretail.common.agent.BaseAgentService;
import com.autoretail.common.agent.OperationRunner;
import com.autoretail.common.idempotency.IdempotencyStore;
import com.autoretail.common.idempotency.InMemoryIdempotencyStore;
import com.autoretail.common.idempotency.RedisIdempotencyStore;
import com.autoretail.common.mcp.McpToolClient;
import com.autoretail.common.testsupport.TestRedis;
import com.autoretail.common.security.EndpointAccess;
import com.autoretail.common.web.BodySizeLimitFilter;
import com.autoretail.common.wire.OperationSpec;
import io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot3.retry.autoconfigure.RetryAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AgentAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AgentAutoConfiguration.class, JacksonAutoConfiguration.class,
                    CircuitBreakerAutoConfiguration.class, RetryAutoConfiguration.class,
                    RestClientAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void usesTheInMemoryStoreByDefault() {
        runner.run(context -> assertThat(context).getBean(IdempotencyStore.class)
                .isInstanceOf(InMemoryIdempotencyStore.class));
    }

    @Test
    void usesTheRedisStoreWhenConfigured() {
        runner.withConfiguration(AutoConfigurations.of(RedisAutoConfiguration.class))
                .withPropertyValues("agent.idempotency.store=redis", "spring.data.redis.url=" + TestRedis.url())
                .run(context -> {
                    assertThat(context).hasSingleBean(StringRedisTemplate.class);
                    assertThat(context).getBean(IdempotencyStore.class).isInstanceOf(RedisIdempotencyStore.class);
                });
    }

    @Test
    void redisKeysCarryTheConfiguredPrefixAndTheAgentsServiceKey() {
        String prefix = "test:autoconfig:" + UUID.randomUUID() + ":";
        String requestId = "req-" + UUID.randomUUID();
        runner.withConfiguration(AutoConfigurations.of(RedisAutoConfiguration.class))
                .withUserConfiguration(TestAgentConfiguration.class)
                .withPropertyValues("agent.idempotency.store=redis", "agent.idempotency.redis-key-prefix=" + prefix,
                        "spring.data.redis.url=" + TestRedis.url())
                .run(context -> {
                    StringRedisTemplate redis = context.getBean(StringRedisTemplate.class);
                    String expectedKey = prefix + "test:" + requestId;
                    try {
                        context.getBean(IdempotencyStore.class)
                                .claim(requestId, "echo", "fingerprint", "owner-a", Duration.ofMinutes(1),
                                        Duration.ofMinutes(1));

                        assertThat(redis.hasKey(expectedKey)).isTrue();
                    } finally {
                        redis.delete(expectedKey);
                    }
                });
    }

    @Test
    void definesNoMcpClientWithoutAnEndpoint() {
        runner.withUserConfiguration(TestAgentConfiguration.class).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(McpToolClient.class);
            assertThat(context.getBean(AgentToolkit.class).mcp()).isEmpty();
        });
    }

    @Test
    void definesNoControllerOrRunnerWithoutAnAgent() {
        runner.run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(AgentController.class)
                .doesNotHaveBean(OperationRunner.class));
    }

    @Test
    void definesTheControllerAndRunnerAroundTheAgent() {
        runner.withUserConfiguration(TestAgentConfiguration.class).run(context -> {
            assertThat(context).hasSingleBean(AgentController.class).hasSingleBean(OperationRunner.class);
            assertThat(context.getBean(BaseAgentService.class).getAvailableOperations())
                    .extracting(OperationSpec::name).containsExactly("echo");
        });
    }

    @Test
    void anApplicationsOwnIdempotencyStoreWins() {
        IdempotencyStore own = new InMemoryIdempotencyStore(1);
        runner.withBean("ownStore", IdempotencyStore.class, () -> own)
                .run(context -> assertThat(context).getBean(IdempotencyStore.class).isSameAs(own));
    }

    @Test
    void anApplicationsOwnIdempotencyStoreWinsOverTheRedisSetting() {
        IdempotencyStore own = new InMemoryIdempotencyStore(1);
        runner.withBean("ownStore", IdempotencyStore.class, () -> own)
                .withPropertyValues("agent.idempotency.store=redis")
                .run(context -> assertThat(context).getBean(IdempotencyStore.class).isSameAs(own));
    }

    @Test
    void registersTheBodySizeFilterAndLeavesCredentialsToTheSecurityChain() {
        runner.run(context -> assertThat(filters(context)).containsExactly(BodySizeLimitFilter.class));
    }

    @Test
    void opensTheAgentContractToTheServiceRoleOnlyForAnAgent() {
        runner.run(context -> assertThat(context).doesNotHaveBean(EndpointAccess.class));
        runner.withUserConfiguration(TestAgentConfiguration.class).run(context -> {
            EndpointAccess access = context.getBean("agentContractAccess", EndpointAccess.class);
            assertThat(access.roles()).containsExactly("service");
            assertThat(access.patterns()).contains("/execute", "/execute-async", "/status/**", "/capabilities");
        });
    }

    @Test
    void bindsTheDefaultProperties() {
        runner.run(context -> {
            AgentProperties properties = context.getBean(AgentProperties.class);
            assertThat(properties.defaultTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(properties.maxTimeout()).isEqualTo(Duration.ofSeconds(300));
            assertThat(properties.maxBodySize()).isEqualTo(DataSize.ofMegabytes(1));
            assertThat(properties.idempotency().store()).isEqualTo(AgentProperties.Store.MEMORY);
            assertThat(properties.mcp().endpoint()).isNull();
        });
    }

    @Test
    void bindsATimeoutWithoutUnitAsSeconds() {
        runner.withPropertyValues("agent.default-timeout=12", "agent.mcp.request-timeout=7").run(context -> {
            AgentProperties properties = context.getBean(AgentProperties.class);
            assertThat(properties.defaultTimeout()).isEqualTo(Duration.ofSeconds(12));
            assertThat(properties.mcp().requestTimeout()).isEqualTo(Duration.ofSeconds(7));
        });
    }

    private static List<Class<?>> filters(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed();
        return context.getBeansOfType(FilterRegistrationBean.class).values().stream()
                .<Class<?>>map(registration -> registration.getFilter().getClass())
                .toList();
    }

    static class TestAgent extends BaseAgentService {

        TestAgent(AgentToolkit toolkit) {
            super(new AgentInfo("test-agent", "test", "An agent that only exists in tests"), toolkit);
        }

        @Override
        protected List<OperationSpec> localOperations() {
            return List.of(OperationSpec.local("echo", "Answers its parameters", null));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TestAgentConfiguration {

        @Bean
        TestAgent testAgent(AgentToolkit toolkit) {
            return new TestAgent(toolkit);
        }
    }
}
