package com.autoretail.mcpstubs.server;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import io.modelcontextprotocol.json.jackson.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.transport.WebMvcStreamableServerTransportProvider;
import org.springaicommunity.mcp.provider.tool.SyncMcpToolProvider;

import com.autoretail.mcpstubs.Stub;
import com.autoretail.mcpstubs.StubsProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.mcp.server.common.autoconfigure.properties.McpServerStreamableHttpProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.util.unit.DataSize;

/** The MCP plumbing shared by the three stubs. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(McpServerStreamableHttpProperties.class)
class McpServerConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(McpServerConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Stub stub(Environment environment) {
        return Stub.of(environment.getRequiredProperty("stub").trim());
    }

    @Bean
    SeedFiles seedFiles(StubsProperties properties, ResourceLoader resources) {
        return new SeedFiles(properties.data(), resources);
    }

    /**
     * The auto-configured transport plus a context extractor: it hands the business headers to the
     * tools through the MCP transport context.
     */
    @Bean
    WebMvcStreamableServerTransportProvider stubTransportProvider(
            @Qualifier("mcpServerObjectMapper") ObjectMapper objectMapper,
            McpServerStreamableHttpProperties properties) {
        return WebMvcStreamableServerTransportProvider.builder()
            .jsonMapper(new JacksonMcpJsonMapper(objectMapper))
            .mcpEndpoint(properties.getMcpEndpoint())
            .keepAliveInterval(properties.getKeepAliveInterval())
            .disallowDelete(properties.isDisallowDelete())
            .contextExtractor(BusinessHeaders::extract)
            .build();
    }

    /**
     * The running stub's {@code @McpTool} methods, each behind the argument check, and the side-effecting ones
     * behind the memory of idempotency keys, each call observed as a span ({@link ToolObservation}).
     */
    @Bean
    List<SyncToolSpecification> stubToolSpecifications(List<StubTools> tools, StubsProperties properties,
            ObjectProvider<ObservationRegistry> observations, Stub stub) {
        SideEffectMemory memory = new SideEffectMemory(properties.idempotencyKeys(), properties.sideEffectDelay());
        ObservationRegistry registry = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
        return new SyncMcpToolProvider(new ArrayList<>(tools)).getToolSpecifications()
            .stream()
            .map(ToolArguments::guard)
            .map(memory::remember)
            .map(tool -> ToolObservation.observe(tool, stub.serverName(), registry))
            .toList();
    }

    /**
     * The transport answers some refusals itself (no session, malformed JSON-RPC) with an {@code McpError} body:
     * its message goes out, never its stack trace or cause.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer throwablesWithoutInternals() {
        return builder -> builder.mixIn(Throwable.class, ThrowableOnTheWire.class);
    }

    @JsonIgnoreProperties({ "stackTrace", "cause", "suppressed", "localizedMessage" })
    abstract static class ThrowableOnTheWire {
    }

    /** Health checks are not traced: a trace per poll would bury the calls. */
    @Bean
    ObservationPredicate healthChecksUntraced() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext server)
                || !"/health".equals(server.getCarrier().getRequestURI());
    }

    @Bean
    BodyLimitFilter bodyLimitFilter(@Value("${stubs.max-body-size:1MB}") DataSize maxBodySize) {
        return new BodyLimitFilter(maxBodySize.toBytes());
    }

    /**
     * The MCP key when {@code stubs.api-key} ({@code MCP_API_KEY}) is set; without one the stub is open, says so,
     * and refuses to start when {@code stubs.api-key-required} (the {@code prod} profile) is set.
     */
    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(@Value("${stubs.api-key:}") String key,
            @Value("${stubs.api-key-required:false}") boolean required, Stub stub) {
        if (key.isBlank() && required) {
            throw new IllegalStateException(
                    "Refusing to start without credentials (stubs.api-key-required, set by the prod profile): set "
                            + "MCP_API_KEY in the environment; see the README's Security section");
        }
        if (key.isBlank()) {
            LOG.warn("SECURITY OPEN: no MCP_API_KEY, so the {} MCP server answers anyone who reaches its port "
                    + "(the local default)", stub.key());
        }
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(new ApiKeyFilter(key));
        registration.setEnabled(!key.isBlank());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    RequiredHeadersFilter requiredHeadersFilter(Stub stub, McpServerStreamableHttpProperties properties) {
        return new RequiredHeadersFilter(properties.getMcpEndpoint(), stub.requiredHeaders());
    }

}
