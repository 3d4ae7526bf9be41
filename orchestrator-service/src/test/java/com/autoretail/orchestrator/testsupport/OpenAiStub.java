package com.autoretail.orchestrator.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** WireMock playing the OpenAI chat completions API. */
public final class OpenAiStub {

    public static final String PATH = "/v1/chat/completions";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    // The JDK client's HTTP/2 upgrade would reach WireMock with an empty body.
    private final WireMockServer server = new WireMockServer(options().dynamicPort().http2PlainDisabled(true));

    public void start() {
        server.start();
    }

    public void stop() {
        server.stop();
    }

    public void reset() {
        server.resetAll();
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** Every chat request answers {@code content}. */
    public void answers(String content) {
        server.stubFor(chat().atPriority(5).willReturn(completion(content)));
    }

    /** A chat request whose body holds {@code text} (the repair prompt) answers {@code content}. */
    public void answersWhenAskedWith(String text, String content) {
        server.stubFor(chat().atPriority(1).withRequestBody(containing(text)).willReturn(completion(content)));
    }

    public void fails(ResponseDefinitionBuilder response) {
        server.stubFor(chat().willReturn(response));
    }

    /** The bodies of the chat requests received, oldest first. */
    public List<JsonNode> requests() {
        return server.findAll(postRequestedFor(urlEqualTo(PATH))).stream()
                .map(LoggedRequest::getBodyAsString).map(OpenAiStub::tree).toList();
    }

    /** The text of every message of a request, joined. */
    public static String prompt(JsonNode request) {
        StringBuilder text = new StringBuilder();
        request.path("messages").forEach(message -> text.append(message.path("role").asText()).append(": ")
                .append(message.path("content").asText()).append('\n'));
        return text.toString();
    }

    private static MappingBuilder chat() {
        return post(urlEqualTo(PATH));
    }

    private static ResponseDefinitionBuilder completion(String content) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1750848105)
                .put("model", "gpt-4o-mini");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        body.putObject("usage").put("prompt_tokens", 900).put("completion_tokens", 300).put("total_tokens", 1200);
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString());
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
