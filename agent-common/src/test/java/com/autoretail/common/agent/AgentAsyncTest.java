package com.autoretail.common.agent;

import com.autoretail.common.testsupport.HttpJson.Reply;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code /execute-async} and {@code /status}: tasks run to their end, callbacks delivered or given up. */
class AgentAsyncTest extends AgentHttpTest {

    static WireMockServer receiver;

    @BeforeAll
    static void startReceiver() {
        receiver = new WireMockServer(options().dynamicPort().http2PlainDisabled(true));
        receiver.start();
        receiver.stubFor(post("/callbacks/ok").willReturn(aResponse().withStatus(200)));
        receiver.stubFor(post("/callbacks/broken").willReturn(aResponse().withStatus(500)));
        receiver.stubFor(post("/callbacks/moved").willReturn(aResponse().withStatus(303)
                .withHeader("Location", receiver.baseUrl() + "/callbacks/inside")));
        receiver.stubFor(any(urlEqualTo("/callbacks/inside")).willReturn(aResponse().withStatus(200)));
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    private Reply submit(String body) {
        return http.post("/execute-async", body);
    }

    private Reply awaitFinished(String taskId) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> http.get("/status/" + taskId),
                        status -> status.text("status").equals("completed") || status.text("status").equals("failed"));
    }

    @Test
    void taskRunsToCompletionAndItsResponseIsReadable() {
        Reply accepted = submit("{\"request_id\":\"async-1\",\"operation\":\"add_numbers\","
                + "\"parameters\":{\"a\":1,\"b\":41}}");

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.text("status")).isEqualTo("accepted");
        assertThat(accepted.text("request_id")).isEqualTo("async-1");
        String taskId = accepted.text("task_id");
        assertThat(accepted.text("status_url")).isEqualTo("/status/" + taskId);
        Reply done = awaitFinished(taskId);
        assertThat(done.text("status")).isEqualTo("completed");
        assertThat(done.body().at("/response/result/sum").asDouble()).isEqualTo(42.0);
        assertThat(done.body().at("/response/request_id").asText()).isEqualTo("async-1");
    }

    @Test
    void runningTaskReportsRunning() {
        Reply accepted = submit("{\"operation\":\"slow_job\",\"parameters\":{\"seconds\":1}}");

        Reply status = http.get("/status/" + accepted.text("task_id"));

        assertThat(status.text("status")).isIn("pending", "running");
        assertThat(status.body().path("response").isNull()).isTrue();
        assertThat(awaitFinished(accepted.text("task_id")).text("status")).isEqualTo("completed");
    }

    @Test
    void failedOperationEndsTheTaskFailed() {
        Reply accepted = submit("{\"operation\":\"explode\",\"parameters\":{}}");

        Reply done = awaitFinished(accepted.text("task_id"));

        assertThat(done.text("status")).isEqualTo("failed");
        assertThat(done.body().at("/response/error_code").asText()).isEqualTo("INTERNAL");
    }

    @Test
    void callbackReceivesTheFinalResponse() {
        String url = receiver.baseUrl() + "/callbacks/ok";

        Reply accepted = submit("{\"request_id\":\"async-cb\",\"operation\":\"add_numbers\","
                + "\"parameters\":{\"a\":2,\"b\":3},\"callback_url\":\"" + url + "\"}");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> receiver.verify(exactly(1),
                postRequestedFor(urlEqualTo("/callbacks/ok"))
                        .withRequestBody(matchingJsonPath("$.request_id", equalTo("async-cb")))
                        .withRequestBody(matchingJsonPath("$.success", equalTo("true")))
                        .withRequestBody(matchingJsonPath("$.result.sum", equalTo("5.0")))));
        assertThat(awaitFinished(accepted.text("task_id")).text("status")).isEqualTo("completed");
    }

    @Test
    void failingCallbackIsRetriedThenGivenUpWithoutBreakingTheTask() {
        String url = receiver.baseUrl() + "/callbacks/broken";

        Reply accepted = submit("{\"operation\":\"add_numbers\",\"parameters\":{\"a\":2,\"b\":4},"
                + "\"callback_url\":\"" + url + "\"}");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                receiver.verify(exactly(3), postRequestedFor(urlEqualTo("/callbacks/broken"))));
        Reply done = awaitFinished(accepted.text("task_id"));
        assertThat(done.text("status")).isEqualTo("completed");
        assertThat(done.body().at("/response/result/sum").asDouble()).isEqualTo(6.0);
    }

    @Test
    void callbackUrlThatIsNotHttpIsRefused() {
        Reply reply = submit("{\"operation\":\"add_numbers\",\"parameters\":{\"a\":1,\"b\":2},"
                + "\"callback_url\":\"file:///etc/passwd\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error_code")).isEqualTo("VALIDATION_ERROR");
        assertThat(reply.text("error")).contains("callback_url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://2852039166/latest/meta-data/",
            "http://0xA9FEA9FE/", "http://[::ffff:169.254.169.254]/", "http://[fe80::1]/", "http://10.0.0.5:8080/admin",
            "http://192.168.1.1/", "http://user:secret@localhost/hook", "ftp://localhost/hook", "/relative/hook"})
    void callbackUrlsAimedInwardAreRefusedAndNothingRuns(String callbackUrl) {
        Reply reply = submit("{\"operation\":\"add_numbers\",\"parameters\":{\"a\":1,\"b\":2},"
                + "\"callback_url\":\"" + callbackUrl + "\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error_code")).isEqualTo("VALIDATION_ERROR");
        assertThat(reply.text("error")).startsWith("callback_url: ");
        assertThat(reply.text("task_id")).as("no task was started").isNull();
    }

    @Test
    void aRedirectIsNeverFollowed() {
        Reply accepted = submit("{\"operation\":\"add_numbers\",\"parameters\":{\"a\":2,\"b\":5},"
                + "\"callback_url\":\"" + receiver.baseUrl() + "/callbacks/moved\"}");

        assertThat(accepted.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                receiver.verify(exactly(3), postRequestedFor(urlEqualTo("/callbacks/moved"))));
        receiver.verify(0, anyRequestedFor(urlEqualTo("/callbacks/inside")));
        assertThat(awaitFinished(accepted.text("task_id")).text("status")).isEqualTo("completed");
    }

    @Test
    void malformedAsyncBodyGetsTheEnvelope() {
        Reply reply = submit("[1,2");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error_code")).isEqualTo("VALIDATION_ERROR");
    }
}
