package com.autoretail.sales.inventory;

import com.autoretail.sales.support.InventoryStub;
import com.autoretail.sales.support.WireMockInventoryTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client's own calls, as the application configures it: paths, what is retried, what a refusal is. */
class InventoryClientTest extends WireMockInventoryTest {

    @Autowired
    InventoryClient client;

    @Test
    void checksAvailabilityWithQuantityAndLocation() {
        inventory.stubFor(get(urlEqualTo("/availability/SKU000001?quantity=5&location=STORE_002")).willReturn(okJson("""
                {"sku":"SKU000001","available":true,"current_stock":49,"requested_quantity":5,"location":"STORE_002"}""")));

        Availability availability = client.checkAvailability("SKU000001", 5, "STORE_002");

        assertThat(availability).isEqualTo(new Availability("SKU000001", true, 49, 5, "STORE_002"));
    }

    @Test
    void retriesAReleaseWhichIsSafeToRepeat() {
        inventory.stubFor(delete(urlEqualTo("/hold/hold-1")).inScenario("release").whenScenarioStateIs(STARTED)
                .willReturn(serverError()).willSetStateTo("up"));
        inventory.stubFor(delete(urlEqualTo("/hold/hold-1")).inScenario("release").whenScenarioStateIs("up")
                .willReturn(okJson("{\"hold_id\":\"hold-1\",\"status\":\"released\",\"restored_stock\":2}")));

        assertThat(client.releaseHold("hold-1", "SKU000001").restoredStock()).isEqualTo(2);
        inventory.verify(exactly(2), deleteRequestedFor(urlEqualTo("/hold/hold-1")));
    }

    @Test
    void answersARefusedCommitOnceWithItsDetails() {
        inventory.stubFor(post(urlEqualTo("/hold/hold-2/commit")).willReturn(InventoryStub.problem(409, "CONFLICT",
                "Hold hold-2 is released", "{\"hold_id\":\"hold-2\",\"status\":\"released\"}")));

        assertThatThrownBy(() -> client.commitHold("hold-2", "SKU000001"))
                .isInstanceOfSatisfying(InventoryRefusedException.class, e -> {
                    assertThat(e.conflict()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("Hold hold-2 is released");
                    assertThat(e.details()).containsEntry("status", "released");
                });
        inventory.verify(exactly(1), postRequestedFor(urlEqualTo("/hold/hold-2/commit")));
    }

    @Test
    void neverRetriesAHoldWithoutAnIdempotencyKey() {
        inventory.stubFor(post(urlEqualTo("/hold")).willReturn(serverError()));

        assertThatThrownBy(() -> client.createHold("SKU000001", 1, "online", Duration.ofMinutes(5), null, null))
                .isInstanceOf(InventoryUnavailableException.class);
        inventory.verify(exactly(1), postRequestedFor(urlEqualTo("/hold")).withHeader("X-Idempotency-Key", absent()));
    }

    @Test
    void dropsTheCachedStockOfASkuWhoseHoldIsReleased() {
        InventoryStub.stock("SKU000001", 500);
        inventory.stubFor(delete(urlEqualTo("/hold/hold-3"))
                .willReturn(okJson("{\"hold_id\":\"hold-3\",\"status\":\"released\",\"restored_stock\":1}")));

        client.getInventory("SKU000001");
        client.getInventory("SKU000001");
        client.releaseHold("hold-3", "SKU000001");
        client.getInventory("SKU000001");

        inventory.verify(exactly(2), getRequestedFor(urlEqualTo("/inventory/SKU000001")));
    }
}
