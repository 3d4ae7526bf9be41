package com.autoretail.mcpstubs.testsupport;

import java.util.List;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Applies {@link StubMcpServer}: starts the stub and sets the agent's properties before its context starts.
 * Registered in this test jar's {@code META-INF/spring.factories}.
 */
public final class StubMcpServerContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        StubMcpServer server = TestContextAnnotationUtils.findMergedAnnotation(testClass, StubMcpServer.class);
        return (server != null) ? new StubSettings(server.value()) : null;
    }

    /** Equal for the same stub, so that the context cache shares one context between an agent's test classes. */
    private record StubSettings(String stub) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestPropertyValues.of(AgentTestStub.running(this.stub).agentProperties()).applyTo(context);
        }

    }

}
