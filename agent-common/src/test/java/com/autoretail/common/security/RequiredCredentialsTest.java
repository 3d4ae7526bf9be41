package com.autoretail.common.security;

import com.autoretail.common.fixture.TestAgentApp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the prod profile's {@code agent.security.required-keys} does to a start without credentials. */
class RequiredCredentialsTest {

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(TestAgentApp.class).run(args);
    }

    @Test
    void refusesToStartWithoutTheRequiredKeyAndNamesItsVariable() {
        assertThatThrownBy(() -> start("--server.port=0", "--spring.ai.mcp.server.enabled=false",
                "--agent.security.keys.service.key=", "--agent.security.required-keys=service"))
                .hasRootCauseMessage("Refusing to start without credentials (agent.security.required-keys, set by the "
                        + "prod profile): set AGENT_API_KEY (the 'service' key) in the environment; see the README's "
                        + "Security section");
    }

    @Test
    void namesEveryMissingKeyWithItsProperty() {
        assertThatThrownBy(() -> start("--server.port=0", "--spring.ai.mcp.server.enabled=false",
                "--agent.security.keys.service.key=", "--agent.security.required-keys=service,back-office"))
                .rootCause().hasMessageContaining("AGENT_API_KEY (the 'service' key), "
                        + "agent.security.keys.back-office.key (the 'back-office' key)");
    }

    @Test
    void startsWhenTheRequiredKeyIsSet() {
        try (ConfigurableApplicationContext context = start("--server.port=0", "--spring.ai.mcp.server.enabled=false",
                "--server.shutdown=immediate", "--agent.security.keys.service.key=k",
                "--agent.security.required-keys=service")) {
            assertThat(context.getBean(SecurityMode.class)).isEqualTo(SecurityMode.API_KEYS);
        }
    }

    @Test
    void aPublicChatStandsInForTheChatKeyButNothingStandsInForTheServiceKey() {
        SecurityProperties publicChat = new SecurityProperties(java.util.Map.of(
                "service", new SecurityProperties.Key("k", java.util.Set.of(Caller.SERVICE), "AGENT_API_KEY"),
                "chat", new SecurityProperties.Key("", java.util.Set.of(Caller.CHAT), "SALES_CHAT_API_KEY")),
                true, java.util.List.of("service", "chat"), new SecurityProperties.Jwt("roles", "sub"));
        SecurityProperties jwtOnly = new SecurityProperties(java.util.Map.of(
                "service", new SecurityProperties.Key("", java.util.Set.of(Caller.SERVICE), "AGENT_API_KEY")),
                false, java.util.List.of("service"), new SecurityProperties.Jwt("roles", "sub"));

        assertThat(RequiredCredentials.missing(publicChat, SecurityMode.API_KEYS)).isEmpty();
        assertThat(RequiredCredentials.missing(jwtOnly, SecurityMode.JWT)).containsExactly("AGENT_API_KEY (the 'service' key)");
    }
}
