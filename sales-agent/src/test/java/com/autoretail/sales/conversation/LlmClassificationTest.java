package com.autoretail.sales.conversation;

import com.autoretail.sales.support.Chat;
import com.autoretail.sales.support.InventoryStub;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LLM classifier, with WireMock playing the OpenAI API: its answer is used when it makes sense, and the rules
 * decide when it fails or answers nonsense.
 */
// the key as a test property: LlmSwitch reads it before dynamic properties exist
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.ai.openai.api-key=test-key", "spring.ai.retry.max-attempts=1"})
class LlmClassificationTest {

    private static final String COMPLETIONS = "/v1/chat/completions";
    private static final WireMockServer wiremock = InventoryStub.server();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void openAiAndInventoryOnWireMock(DynamicPropertyRegistry registry) {
        registry.add("sales.inventory.url", InventoryStub::url);
        registry.add("spring.ai.openai.base-url", InventoryStub::url);
        registry.add("server.shutdown", () -> "immediate");
    }

    @BeforeEach
    void reset() {
        wiremock.resetAll();
        InventoryStub.stock("SKU000001", 500, 29, 49);
    }

    @Test
    void followsTheLlmsClassification() {
        llmAnswers("{\"intent\": \"inventory\", \"sku\": \"SKU000001\", \"quantity\": null}");

        JsonNode reply = chat().say("Got any of those SKU000001 brake pads lying around?");

        assertThat(reply.path("intent").asText()).isEqualTo("inventory");
        assertThat(reply.path("data").path("classified_by").asText()).isEqualTo("llm");
        assertThat(reply.path("response").asText()).startsWith("📦 Stock levels for SKU000001:");
        wiremock.verify(exactly(1), postRequestedFor(urlEqualTo(COMPLETIONS))
                .withHeader("Authorization", containing("Bearer test-key"))
                .withRequestBody(matchingJsonPath("$.model", containing("gpt-4o-mini")))
                .withRequestBody(containing("Got any of those SKU000001 brake pads lying around?")));
    }

    @Test
    void understandsWhatTheRulesDoNot() {
        llmAnswers("```json\n{\"intent\": \"help\", \"sku\": null, \"quantity\": null}\n```");

        JsonNode reply = chat().say("I'm not sure how this whole thing works");

        assertThat(reply.path("intent").asText()).isEqualTo("help");
        assertThat(reply.path("data").path("classified_by").asText()).isEqualTo("llm");
    }

    @Test
    void fallsBackToTheRulesOnAGarbageAnswer() {
        llmAnswers("Sure! The customer would like to know about stock, I think.");

        assertClassifiedByRules(chat().say("Check stock for SKU000001"));
    }

    @Test
    void fallsBackToTheRulesOnAnInventedIntent() {
        llmAnswers("{\"intent\": \"purchase\", \"sku\": \"SKU000001\", \"quantity\": 2}");

        assertClassifiedByRules(chat().say("Check stock for SKU000001"));
    }

    @Test
    void fallsBackToTheRulesOnAnInvalidOrInventedSku() {
        llmAnswers("{\"intent\": \"inventory\", \"sku\": \"SKU12\", \"quantity\": null}");
        assertClassifiedByRules(chat().say("Check stock for SKU000001"));

        llmAnswers("{\"intent\": \"inventory\", \"sku\": \"SKU000999\", \"quantity\": null}");
        assertClassifiedByRules(chat().say("Check stock for SKU000001"));
    }

    @Test
    void fallsBackToTheRulesWhenTheLlmFails() {
        wiremock.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(serverError()));

        assertClassifiedByRules(chat().say("Check stock for SKU000001"));
        wiremock.verify(exactly(1), postRequestedFor(urlEqualTo(COMPLETIONS)));
    }

    private Chat chat() {
        return new Chat("http://localhost:" + port, null);
    }

    private static void assertClassifiedByRules(JsonNode reply) {
        assertThat(reply.path("intent").asText()).isEqualTo("inventory");
        assertThat(reply.path("data").path("classified_by").asText()).isEqualTo("rules");
        assertThat(reply.path("response").asText()).startsWith("📦 Stock levels for SKU000001:");
    }

    private static void llmAnswers(String content) {
        String escaped = content.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        wiremock.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(okJson("""
                {"id": "chatcmpl-1", "object": "chat.completion", "created": 1763719200, "model": "gpt-4o-mini",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": "%s"}, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 120, "completion_tokens": 20, "total_tokens": 140}}""".formatted(escaped))));
    }
}
