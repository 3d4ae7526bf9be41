package com.autoretail.orchestrator.api;

import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.testsupport.HttpJson.Reply;
import com.autoretail.orchestrator.OrchestratorApplication;
import com.autoretail.orchestrator.testsupport.OpenAiStub;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.stream.Stream;

import static com.autoretail.orchestrator.api.OrchestratorApiTest.SEED_REQUEST;
import static com.autoretail.orchestrator.testsupport.LlmAnswers.GOOD;
import static com.autoretail.orchestrator.testsupport.LlmAnswers.NOTIFY_STRANGER;
import static com.autoretail.orchestrator.testsupport.LlmAnswers.REFUND;
import static com.autoretail.orchestrator.testsupport.LlmAnswers.UNKNOWN_OPERATION;
import static com.autoretail.orchestrator.testsupport.LlmAnswers.withInventedIds;
import static com.autoretail.orchestrator.testsupport.LlmAnswers.withPaymentFailureHandling;
import static com.autoretail.orchestrator.testsupport.LlmAnswers.withStep;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The orchestrator over HTTP with an LLM planner, WireMock playing both OpenAI and the agents, and an LLM that keeps
 * planning more than the seed request asks: none of what it injected reaches an agent, the rule planner's plan runs,
 * and the answer says so ({@code planner: fallback}). The API key is an inline property: the fleet's LLM switch
 * reads it before the test's dynamic properties exist.
 */
@SpringBootTest(classes = OrchestratorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.ai.openai.api-key=test-key", "spring.ai.retry.max-attempts=1"})
class LlmOrchestrationApiTest {

    @RegisterExtension
    static final WireMockFleet fleet = new WireMockFleet();

    private static final OpenAiStub openAi = new OpenAiStub();

    @DynamicPropertySource
    static void urls(DynamicPropertyRegistry registry) {
        fleet.register(registry);
        openAi.start();
        registry.add("spring.ai.openai.base-url", openAi::baseUrl);
    }

    @AfterAll
    static void stopOpenAi() {
        openAi.stop();
    }

    @LocalServerPort
    int port;

    @BeforeEach
    void resetOpenAi() {
        openAi.reset();
    }

    @Test
    void runsTheLlmsGroundedPlanAndSaysTheLlmMadeIt() {
        openAi.answers(GOOD);

        Reply reply = orchestrate("llm-grounded");

        assertThat(reply.body().path("planner").asText()).isEqualTo("llm");
        assertThat(reply.body().at("/execution_results/completed").asInt()).isEqualTo(4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("injections")
    void runsNothingTheLlmInjectedAndSaysTheRulePlannerMadeThePlan(String name, String answer, String marker) {
        openAi.answers(answer);

        Reply reply = orchestrate("llm-" + name);

        assertThat(reply.body().path("planner").asText()).isEqualTo("fallback");
        assertThat(reply.body().path("success").asBoolean()).isTrue();
        assertThat(reply.body().path("workflow_plan").toString()).doesNotContain(marker);
        List<String> sent = fleet.server.findAll(postRequestedFor(urlMatching("/.*/execute"))).stream()
                .map(LoggedRequest::getBodyAsString).toList();
        assertThat(sent).hasSize(4).noneSatisfy(body -> assertThat(body).contains(marker));
        assertThat(openAi.requests()).as("asked once, then once more with the problems").hasSize(2);
    }

    static Stream<Arguments> injections() {
        return Stream.of(
                arguments("refund", withStep(REFUND), "process_refund"),
                arguments("stranger", withStep(NOTIFY_STRANGER), "stranger.example"),
                arguments("skip", withPaymentFailureHandling("skip"), "\"skip\""),
                arguments("unknown-operation", withStep(UNKNOWN_OPERATION), "wire_funds"),
                arguments("invented-ids", withInventedIds("9876"), "9876"));
    }

    private Reply orchestrate(String requestId) {
        Reply reply = new HttpJson("http://localhost:" + port).post("/orchestrate",
                "{\"request_id\":\"" + requestId + "\",\"user_request\":\"" + SEED_REQUEST + "\"}");
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply;
    }
}
