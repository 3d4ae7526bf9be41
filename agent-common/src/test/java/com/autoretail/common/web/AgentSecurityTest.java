package com.autoretail.common.web;

import com.autoretail.common.fixture.TestAgentApp;
import com.autoretail.common.testsupport.HttpJson.Reply;
import com.autoretail.common.testsupport.HttpJson;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The API key and the body size limit, on an agent without an MCP server. */
@SpringBootTest(classes = TestAgentApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"agent.accepted-api-key=s3cret-key", "agent.max-body-size=2KB", "spring.ai.mcp.server.enabled=false",
                "server.shutdown=immediate"})
class AgentSecurityTest {

    private static final String ADD = "{\"operation\":\"add_numbers\",\"parameters\":{\"a\":1,\"b\":2}}";

    @LocalServerPort
    int port;

    private HttpJson client(String apiKey) {
        return new HttpJson("http://localhost:" + port,
                apiKey == null ? Map.of() : Map.of(ApiKeyFilter.HEADER, apiKey));
    }

    @Test
    void executeWithoutKeyIsRefusedWithTheEnvelope() {
        Reply reply = client(null).post("/execute", ADD);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.text("error_code")).isEqualTo("UNAUTHORIZED");
        assertThat(reply.body().has("success")).isTrue();
    }

    @Test
    void wrongKeyIsRefused() {
        Reply reply = client("s3cret-kez").post("/execute", ADD);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.text("error")).contains("Wrong");
    }

    @Test
    void otherEndpointsRefuseWithProblemJson() {
        Reply reply = client(null).get("/capabilities");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.text("request_id")).isNotBlank();
    }

    @Test
    void rightKeyIsAccepted() {
        HttpJson http = client("s3cret-key");

        assertThat(http.post("/execute", ADD).status()).isEqualTo(200);
        assertThat(http.get("/capabilities").status()).isEqualTo(200);
    }

    @Test
    void healthNeedsNoKey() {
        HttpJson http = client(null);

        assertThat(http.get("/health").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
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
