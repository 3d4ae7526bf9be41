package com.autoretail.common.web;

import com.autoretail.common.fixture.TestAgentApp;
import com.autoretail.common.testsupport.HttpJson.Reply;
import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.security.ApiKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The body size limit, on an agent with an API key and without an MCP server. */
@SpringBootTest(classes = TestAgentApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"agent.security.keys.service.key=s3cret-key", "agent.max-body-size=2KB", "spring.ai.mcp.server.enabled=false",
                "server.shutdown=immediate"})
class BodySizeLimitTest {

    private static final String ADD = "{\"operation\":\"add_numbers\",\"parameters\":{\"a\":1,\"b\":2}}";

    @LocalServerPort
    int port;

    private HttpJson client(String apiKey) {
        return new HttpJson("http://localhost:" + port,
                apiKey == null ? Map.of() : Map.of(ApiKeys.HEADER, apiKey));
    }

    @Test
    void bodyOverTheLimitIsRefusedWith413() {
        String big = "{\"operation\":\"add_numbers\",\"parameters\":{\"a\":1,\"b\":2,\"pad\":\""
                + "x".repeat(4000) + "\"}}";

        Reply reply = client("s3cret-key").post("/execute", big);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.text("error_code")).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void chunkedBodyOverTheLimitIsRefusedWith413() {
        byte[] big = ("{\"operation\":\"add_numbers\",\"parameters\":{\"pad\":\"" + "y".repeat(4000) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        HttpJson http = client("s3cret-key");

        Reply reply = http.send(http.request("/execute").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.body().has("success")).isTrue();
    }
}
