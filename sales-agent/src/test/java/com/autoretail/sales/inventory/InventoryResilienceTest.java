package com.autoretail.sales.inventory;

import com.autoretail.sales.support.Chat;
import com.autoretail.sales.support.InventoryStub;
import com.autoretail.sales.support.WireMockInventoryTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inventory failing, slow or refusing: retries with backoff, the breaker, the stock cache, the apologies,
 * and {@code /health}. The configuration is the application's (4 attempts, breaker of 5), with millisecond waits.
 */
class InventoryResilienceTest extends WireMockInventoryTest {

    private static final String STOCK_PATH = "/inventory/SKU000001";

    @Test
    void retriesAServerErrorFourTimesThenApologises() {
        inventory.stubFor(get(urlEqualTo(STOCK_PATH)).willReturn(serverError()));

        JsonNode reply = chat(null).say("Check stock for SKU000001");

        assertThat(reply.path("response").asText())
                .isEqualTo("I'm having trouble checking inventory for SKU000001 right now. Please try again.");
        assertThat(reply.path("intent").asText()).isEqualTo("inventory");
        assertThat(reply.path("data").path("inventory_service").asText()).isEqualTo("unavailable");
        inventory.verify(exactly(4), getRequestedFor(urlEqualTo(STOCK_PATH)));
    }

    @Test
    void retriesTimeoutsThenApologisesForTheOrder() {
        inventory.stubFor(get(urlEqualTo(STOCK_PATH)).willReturn(okJson("{}").withFixedDelay(1_500)));

        JsonNode reply = chat(null).say("I want 2 units of SKU000001");

        assertThat(reply.path("response").asText())
                .isEqualTo("I'm having trouble processing your order right now. Please try again.");
        assertThat(reply.path("intent").asText()).isEqualTo("order");
        inventory.verify(exactly(4), getRequestedFor(urlEqualTo(STOCK_PATH)));
        inventory.verify(exactly(0), postRequestedFor(urlEqualTo("/hold")));
    }

    @Test
    void retriesAHoldWithItsIdempotencyKeyAndGetsTheSameHold() {
        InventoryStub.stock("SKU000001", 500);
        String key = "session-retry-1-SKU000001";
        inventory.stubFor(InventoryStub.holdRequest(key).inScenario("hold").whenScenarioStateIs(STARTED)
                .willReturn(serverError()).willSetStateTo("up"));
        inventory.stubFor(InventoryStub.holdRequest(key).inScenario("hold").whenScenarioStateIs("up")
                .willReturn(InventoryStub.holdAnswer(201, "hold-7", "SKU000001", 1, 499, "held")));

        JsonNode reply = chat("retry-1").say("buy SKU000001");

        assertThat(reply.path("hold_id").asText()).isEqualTo("hold-7");
        inventory.verify(exactly(2), postRequestedFor(urlEqualTo("/hold")).withHeader("X-Idempotency-Key", equalTo(key)));
    }

    @Test
    void opensTheBreakerAfterFiveFailuresAndThenFailsFastWithoutCalling() {
        inventory.stubFor(get(urlEqualTo(STOCK_PATH)).willReturn(serverError()));
        Chat chat = chat(null);

        chat.say("Check stock for SKU000001");      // 4 attempts: 4 failures
        chat.say("Check stock for SKU000001");      // the 5th failure opens it; the retry is refused at once
        CircuitBreaker breaker = breakers.circuitBreaker("inventory");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        long started = System.nanoTime();
        JsonNode whileOpen = chat.say("Check stock for SKU000001");

        assertThat(whileOpen.path("response").asText()).startsWith("I'm having trouble checking inventory");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(400);
        inventory.verify(exactly(5), getRequestedFor(urlEqualTo(STOCK_PATH)));
    }

    @Test
    void neverCountsRefusalsAgainstTheBreaker() {
        inventory.stubFor(get(urlEqualTo(STOCK_PATH)).willReturn(InventoryStub.problem(404, "NOT_FOUND", "no", "{}")));
        Chat chat = chat(null);

        for (int i = 0; i < 6; i++) {
            chat.say("Check stock for SKU000001");
        }

        assertThat(breakers.circuitBreaker("inventory").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        inventory.verify(exactly(6), getRequestedFor(urlEqualTo(STOCK_PATH)));
    }

    @Test
    void servesARepeatedStockReadFromTheCacheUntilAnOrderChangesTheStock() {
        InventoryStub.stock("SKU000001", 500, 3);
        InventoryStub.hold("session-cache-1-SKU000001", 201, "hold-3", "SKU000001", 1, 499, "held");
        Chat chat = chat("cache-1");

        chat.say("Check stock for SKU000001");
        chat.say("Check stock for SKU000001");
        inventory.verify(exactly(1), getRequestedFor(urlEqualTo(STOCK_PATH)));

        chat.say("I want 1 unit of SKU000001");     // the order reads the cache, then drops it
        chat.say("Check stock for SKU000001");
        inventory.verify(exactly(2), getRequestedFor(urlEqualTo(STOCK_PATH)));
    }

    @Test
    void healthReportsTheInventoryAsConnectedOrUnavailable() {
        inventory.stubFor(get(urlEqualTo("/health")).willReturn(okJson("{\"status\":\"UP\"}")));

        var up = http().get("/health");
        assertThat(up.status()).isEqualTo(200);
        assertThat(up.text("status")).isEqualTo("UP");
        assertThat(up.text("sales_agent")).isEqualTo("running");
        assertThat(up.text("inventory_service")).isEqualTo("connected");
        assertThat(up.text("service")).isEqualTo("sales-agent");
        assertThat(up.body().path("dependencies").path("inventory").path("status").asText()).isEqualTo("UP");

        inventory.stubFor(get(urlEqualTo("/health")).willReturn(aResponse().withStatus(503)));
        var down = http().get("/health");
        assertThat(down.status()).isEqualTo(200);
        assertThat(down.text("status")).isEqualTo("UP");
        assertThat(down.text("inventory_service")).isEqualTo("unavailable");
        assertThat(down.body().path("dependencies").path("inventory").path("status").asText()).isEqualTo("DOWN");
    }
}
