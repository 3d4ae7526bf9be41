package com.autoretail.common.security;

import com.autoretail.common.fixture.TestAgentApp;
import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.testsupport.HttpJson.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An agent without credentials (the local default): open to anyone, with every role, and saying so. */
@SpringBootTest(classes = {TestAgentApp.class, WhoAmI.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"agent.security.keys.service.key=", "spring.ai.mcp.server.enabled=false",
                "server.shutdown=immediate"})
class OpenAgentTest {

    @LocalServerPort
    int port;

    @Test
    void answersEveryoneAndSaysItIsOpen() {
        HttpJson http = new HttpJson("http://localhost:" + port);

        assertThat(http.execute("add_numbers", "{\"a\":1,\"b\":2}").status()).isEqualTo(200);
        assertThat(http.get("/capabilities").status()).isEqualTo(200);
        assertThat(http.get("/health").text("security")).isEqualTo("open");
        assertThat(http.get("/actuator/health").body().has("components")).isTrue();
    }

    @Test
    void theCallerIsOpenWithEveryRole() {
        Reply reply = new HttpJson("http://localhost:" + port).get("/whoami");

        assertThat(reply.text("name")).isEqualTo(Caller.OPEN.name());
        assertThat(reply.body().path("roles")).hasSize(Caller.ALL_ROLES.size());
    }

    @Test
    void aKeySentToAnOpenServiceChangesNothing() {
        HttpJson http = new HttpJson("http://localhost:" + port, Map.of(ApiKeys.HEADER, "anything"));

        assertThat(http.execute("add_numbers", "{\"a\":1,\"b\":2}").status()).isEqualTo(200);
    }
}
