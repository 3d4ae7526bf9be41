package com.autoretail.common.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.data.redis.ClientResourcesBuilderCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class TracingAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TracingAutoConfiguration.class));

    @Test
    void redisCommandsAreSpansOnlyWhileSpansAreExported() {
        runner.run(context -> assertThat(context).doesNotHaveBean(ClientResourcesBuilderCustomizer.class));
        runner.withPropertyValues("management.otlp.tracing.endpoint=http://jaeger:4318/v1/traces")
                .run(context -> assertThat(context).hasSingleBean(ClientResourcesBuilderCustomizer.class));
    }

    @Test
    void healthChecksAndProbesAreNotTracedButTheApiIs() {
        runner.run(context -> {
            ObservationPredicate predicate = context.getBean("probesUntraced", ObservationPredicate.class);

            assertThat(predicate.test("http.server.requests", server("/health"))).isFalse();
            assertThat(predicate.test("http.server.requests", server("/actuator/health/readiness"))).isFalse();
            assertThat(predicate.test("http.server.requests", server("/execute"))).isTrue();
            assertThat(predicate.test("agent.execute", new Observation.Context())).isTrue();
        });
    }

    private static ServerRequestObservationContext server(String path) {
        return new ServerRequestObservationContext(new MockHttpServletRequest("GET", path),
                new MockHttpServletResponse());
    }
}
