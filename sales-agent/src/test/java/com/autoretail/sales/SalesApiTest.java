package com.autoretail.sales;

import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.sales.support.WireMockInventoryTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sales agent's HTTP surface besides the conversation: validation answered as problem+json naming the field,
 * and {@code handle_message} through the fleet's {@code /capabilities} and {@code /execute}.
 */
class SalesApiTest extends WireMockInventoryTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing message         | {"session_id": "s-1"}                      | message    | is required
            blank message           | {"message": "   "}                         | message    | must not be blank
            message of another type | {"message": 5}                             | message    | must be a string
            message as an object    | {"message": {"text": "hi"}}                | message    | must be a string
            session id with a slash | {"message": "hi", "session_id": "../x"}    | session_id | must be 1 to 64 letters, digits, '-' or '_'
            session id as a number  | {"message": "hi", "session_id": 42}        | session_id | must be a string
            """)
    void refusesAnInvalidMessageNamingTheField(String name, String body, String field, String message) {
        HttpJson.Reply reply = http().post("/api/message", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.text("error_code")).isEqualTo("VALIDATION_ERROR");
        assertThat(reply.text("request_id")).isNotBlank();
        JsonNode error = reply.body().path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo(field);
        assertThat(error.path("message").asText()).isEqualTo(message);
    }

    @Test
    void refusesAnOversizedMessage() {
        HttpJson.Reply reply = http().post("/api/message", HttpJson.json(java.util.Map.of("message", "x".repeat(2001))));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("errors").get(0).path("message").asText())
                .isEqualTo("must be at most 2000 characters");
    }

    @Test
    void refusesMalformedJsonAndOtherContentTypesAsProblems() {
        HttpJson.Reply malformed = http().post("/api/message", "{\"message\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        HttpJson.Reply text = http().send(http().request("/api/message").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")));
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.contentType()).startsWith("application/problem+json");
    }

    @Test
    void listsHandleMessageAsALocalOperationWithSideEffects() {
        JsonNode capabilities = http().get("/capabilities").body();

        assertThat(capabilities.path("service_name").asText()).isEqualTo("sales-agent");
        assertThat(capabilities.path("service_key").asText()).isEqualTo("sales");
        JsonNode operation = capabilities.path("operations").get(0);
        assertThat(operation.path("name").asText()).isEqualTo("handle_message");
        assertThat(operation.path("source").asText()).isEqualTo("local");
        assertThat(operation.path("side_effects").asBoolean()).isTrue();
        assertThat(operation.path("parameters").path("required").toString()).isEqualTo("[\"message\"]");
    }

    @Test
    void answersHandleMessageThroughExecuteWithTheBodyOfApiMessage() {
        HttpJson.Reply reply = http().post("/execute", """
                {"request_id": "exec-1", "operation": "handle_message",
                 "parameters": {"message": "hello", "session_id": "exec-session-1"}}""");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode result = reply.body().path("result");
        assertThat(result.path("session_id").asText()).isEqualTo("exec-session-1");
        assertThat(result.path("intent").asText()).isEqualTo("greeting");
        assertThat(result.path("response").asText()).startsWith("👋 Hello!");
        assertThat(result.has("hold_id")).isTrue();
        JsonNode direct = chat("exec-session-1").say("hello");
        assertThat(direct.path("response").asText()).isEqualTo(result.path("response").asText());
    }

    @Test
    void refusesHandleMessageWithoutAMessageInTheEnvelope() {
        HttpJson.Reply reply = http().post("/execute", """
                {"request_id": "exec-2", "operation": "handle_message", "parameters": {"message": "  "}}""");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error_code")).isEqualTo("VALIDATION_ERROR");
        assertThat(reply.text("error")).contains("message");
    }
}
