package com.autoretail.sales.api;

import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.testsupport.HttpJson.Reply;
import com.autoretail.sales.SalesApplication;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer chat is the chat key's and grants nothing else; or, by setting, anyone's. */
class ChatAccessTest {

    private static final String HELLO = "{\"message\":\"hello\",\"session_id\":\"s-access\"}";
    private static final String HANDLE = "{\"operation\":\"handle_message\",\"parameters\":" + HELLO + "}";

    @Nested
    @SpringBootTest(classes = SalesApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"agent.security.keys.service.key=service-key", "agent.security.keys.chat.key=chat-key",
                    "server.shutdown=immediate"})
    class WithAChatKey {

        @LocalServerPort
        int port;

        private HttpJson as(String key) {
            return new HttpJson("http://localhost:" + port, key == null ? Map.of() : Map.of("X-API-Key", key));
        }

        @Test
        void theChatKeyTalksAndNothingElse() {
            assertThat(as("chat-key").post("/api/message", HELLO).status()).isEqualTo(200);
            Reply execute = as("chat-key").post("/execute", HANDLE);
            assertThat(execute.status()).isEqualTo(403);
            assertThat(execute.text("error_code")).isEqualTo("FORBIDDEN");
            assertThat(as("chat-key").get("/capabilities").status()).isEqualTo(403);
        }

        @Test
        void theServiceKeyRunsTheAgentContractButNotTheChat() {
            assertThat(as("service-key").post("/execute", HANDLE).status()).isEqualTo(200);
            Reply chat = as("service-key").post("/api/message", HELLO);
            assertThat(chat.status()).isEqualTo(403);
            assertThat(chat.text("detail")).contains("needs the role admin or chat");
        }

        @Test
        void noKeyIsRefused() {
            Reply reply = as(null).post("/api/message", HELLO);
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
    }

    @Nested
    @SpringBootTest(classes = SalesApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"agent.security.keys.service.key=service-key", "agent.security.chat-public=true",
                    "server.shutdown=immediate"})
    class WithAPublicChat {

        @LocalServerPort
        int port;

        @Test
        void anyoneTalksButTheAgentContractStaysTheFleets() {
            HttpJson anyone = new HttpJson("http://localhost:" + port);

            assertThat(anyone.post("/api/message", HELLO).status()).isEqualTo(200);
            assertThat(anyone.post("/execute", HANDLE).status()).isEqualTo(401);
            assertThat(anyone.get("/capabilities").status()).isEqualTo(401);
        }
    }
}
