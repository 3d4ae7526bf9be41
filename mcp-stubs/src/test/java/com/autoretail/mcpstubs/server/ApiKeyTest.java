package com.autoretail.mcpstubs.server;

import java.util.Map;

import io.modelcontextprotocol.client.McpSyncClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.autoretail.mcpstubs.McpStubs;
import com.autoretail.mcpstubs.McpTestClient;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A stub with an MCP key: only a client that sends it gets in; health stays open; prod refuses to start without. */
class ApiKeyTest {

    private static ConfigurableApplicationContext stub;

    @BeforeAll
    static void start() {
        stub = McpStubs.start("parts", 0, "--stubs.api-key=mcp-s3cret");
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    private static McpSyncClient client(String key) {
        Map<String, String> headers = new java.util.HashMap<>(McpTestClient.serviceHeaders("parts-agent"));
        if (key != null) {
            headers.put(ApiKeyFilter.HEADER, key);
        }
        return McpTestClient.client(stub, headers);
    }

    @Test
    void aClientWithTheKeyListsTheTools() {
        try (McpSyncClient client = client("mcp-s3cret")) {
            client.initialize();
            assertThat(client.listTools().tools()).isNotEmpty();
        }
    }

    @Test
    void aClientWithoutTheKeyOrWithAWrongOneCannotConnect() {
        for (String key : new String[] { null, "mcp-s3creT" }) {
            try (McpSyncClient client = client(key)) {
                assertThatThrownBy(client::initialize).hasStackTraceContaining("401");
            }
        }
    }

    @Test
    void healthNeedsNoKey() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + McpStubs.port(stub)
                        + "/health")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void theProdProfileRefusesToStartWithoutAKey() {
        assertThatThrownBy(() -> McpStubs.start("payment", 0, "--spring.profiles.active=prod", "--stubs.api-key="))
                .hasRootCauseMessage("Refusing to start without credentials (stubs.api-key-required, set by the prod "
                        + "profile): set MCP_API_KEY in the environment; see the README's Security section");
    }

}
