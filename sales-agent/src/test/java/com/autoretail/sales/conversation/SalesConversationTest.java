package com.autoretail.sales.conversation;

import com.autoretail.sales.support.Chat;
import com.autoretail.sales.support.InventoryStub;
import com.autoretail.sales.support.WireMockInventoryTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The conversation against WireMock playing the inventory: replies, follow-ups and the exact calls made. */
class SalesConversationTest extends WireMockInventoryTest {

    @Test
    void answersTheSeedConversationWithExactlyTheInventoryCallsItNeeds() {
        InventoryStub.stock("SKU000001", 500, 29, 49, 5, 23, 0);
        InventoryStub.hold("session-seed-1-SKU000001", 201, "hold-1", "SKU000001", 2, 498, "held");
        inventory.stubFor(post(urlEqualTo("/hold/hold-1/commit"))
                .willReturn(okJson("{\"hold_id\":\"hold-1\",\"status\":\"committed\"}")));
        Chat chat = chat("seed-1");

        JsonNode stock = chat.say("Check stock for SKU000001");
        assertThat(stock.path("session_id").asText()).isEqualTo("seed-1");
        assertThat(stock.path("intent").asText()).isEqualTo("inventory");
        assertThat(stock.path("response").asText()).isEqualTo("""
                📦 Stock levels for SKU000001:
                • Online: 500 units
                • Stores: 5 locations
                • Total: 606 units available""");
        assertThat(stock.path("data").path("online_stock").asInt()).isEqualTo(500);
        assertThat(stock.path("hold_id").isNull()).isTrue();

        JsonNode order = chat.say("I want 2 units of SKU000001");
        assertThat(order.path("intent").asText()).isEqualTo("order");
        assertThat(order.path("response").asText()).isEqualTo("""
                ✅ Reserved 2 unit(s) of SKU000001 for you!
                Your reservation expires in 5 minutes.
                Remaining stock: 498 units

                Ready to proceed with checkout?""");
        assertThat(order.path("hold_id").asText()).isEqualTo("hold-1");
        assertThat(order.path("data").path("remaining_stock").asInt()).isEqualTo(498);

        JsonNode checkout = chat.say("check out");
        assertThat(checkout.path("intent").asText()).isEqualTo("checkout");
        assertThat(checkout.path("response").asText()).isEqualTo("""
                🎉 Your order is confirmed:
                • 2 unit(s) of SKU000001
                Thank you for your purchase!""");
        assertThat(checkout.path("hold_id").asText()).isEqualTo("hold-1");
        assertThat(checkout.path("data").path("open_holds").asInt()).isZero();

        // the order's stock check is the cached read of the first message
        inventory.verify(exactly(1), getRequestedFor(urlEqualTo("/inventory/SKU000001")));
        inventory.verify(exactly(1), postRequestedFor(urlEqualTo("/hold"))
                .withHeader("X-Idempotency-Key", equalTo("session-seed-1-SKU000001"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"sku\":\"SKU000001\",\"quantity\":2,\"location\":\"online\",\"ttl\":300,\"session_id\":\"seed-1\"}")));
        inventory.verify(exactly(1), postRequestedFor(urlEqualTo("/hold/hold-1/commit")));
        inventory.verify(exactly(3), anyRequestedFor(anyUrl()));
    }

    @Test
    void offersStoreAvailabilityWhenOnlineStockIsShortAndShowsItOnYes() {
        InventoryStub.stock("SKU000002", 1, 4, 0);
        Chat chat = chat("short-1");

        JsonNode order = chat.say("I want 5 units of SKU000002");
        assertThat(order.path("intent").asText()).isEqualTo("order");
        assertThat(order.path("response").asText()).isEqualTo(
                "❌ Sorry, only 1 units of SKU000002 available online. Would you like to check store availability?");
        assertThat(order.path("hold_id").isNull()).isTrue();
        assertThat(order.path("data").path("store_offer").asBoolean()).isTrue();

        JsonNode stores = chat.say("yes");
        assertThat(stores.path("intent").asText()).isEqualTo("inventory");
        assertThat(stores.path("response").asText()).endsWith("""
                In stores:
                • STORE_001: 4 units
                • STORE_002: 0 units""");
        inventory.verify(exactly(0), postRequestedFor(urlEqualTo("/hold")));
    }

    @Test
    void changesTheQuantityOfTheLastOrderByHoldingAgainUnderANewKeyThenReleasingTheOldHold() {
        InventoryStub.stock("SKU000001", 500, 10);
        InventoryStub.hold("session-change-1-SKU000001", 201, "hold-1", "SKU000001", 2, 498, "held");
        InventoryStub.hold("session-change-1-SKU000001-1", 201, "hold-2", "SKU000001", 3, 497, "held");
        inventory.stubFor(delete(urlEqualTo("/hold/hold-1"))
                .willReturn(okJson("{\"hold_id\":\"hold-1\",\"status\":\"released\",\"restored_stock\":2}")));
        Chat chat = chat("change-1");

        assertThat(chat.say("I want 2 units of SKU000001").path("hold_id").asText()).isEqualTo("hold-1");
        JsonNode changed = chat.say("make it 3");

        assertThat(changed.path("intent").asText()).isEqualTo("order");
        assertThat(changed.path("hold_id").asText()).isEqualTo("hold-2");
        assertThat(changed.path("response").asText()).startsWith("✅ Reserved 3 unit(s) of SKU000001 for you!");
        assertThat(changed.path("data").path("open_holds").asInt()).isEqualTo(1);
        inventory.verify(exactly(1), deleteRequestedFor(urlEqualTo("/hold/hold-1")));
        inventory.verify(exactly(1), postRequestedFor(urlEqualTo("/hold"))
                .withHeader("X-Idempotency-Key", equalTo("session-change-1-SKU000001-1"))
                .withRequestBody(equalToJson("{\"sku\":\"SKU000001\",\"quantity\":3,\"location\":\"online\",\"ttl\":300,\"session_id\":\"change-1\"}")));
        assertThat(holdCalls()).as("the new hold first, the old one released after")
                .containsExactly("POST /hold", "POST /hold", "DELETE /hold/hold-1");
    }

    @Test
    void keepsTheHoldWhenTheChangedQuantityIsShortAndSaysSo() {
        InventoryStub.stock("SKU000001", 500, 10);
        InventoryStub.hold("session-keep-1-SKU000001", 201, "hold-1", "SKU000001", 2, 498, "held");
        inventory.stubFor(InventoryStub.holdRequest("session-keep-1-SKU000001-1").willReturn(InventoryStub.problem(
                409, "CONFLICT", "Not enough stock", "{\"current_stock\":4,\"requested_quantity\":6}")));
        inventory.stubFor(post(urlEqualTo("/hold/hold-1/commit"))
                .willReturn(okJson("{\"hold_id\":\"hold-1\",\"status\":\"committed\"}")));
        Chat chat = chat("keep-1");
        chat.say("I want 2 units of SKU000001");

        JsonNode changed = chat.say("make it 6");

        assertThat(changed.path("intent").asText()).isEqualTo("order");
        assertThat(changed.path("response").asText()).isEqualTo("""
                ❌ Sorry, I couldn't change your reservation to 6 unit(s) of SKU000001: only 4 more units are available online.
                Your reservation of 2 unit(s) of SKU000001 still stands.

                Ready to proceed with checkout?""");
        assertThat(changed.path("data").path("kept_hold_id").asText()).isEqualTo("hold-1");
        inventory.verify(exactly(0), deleteRequestedFor(anyUrl()));

        JsonNode checkout = chat.say("yes");
        assertThat(checkout.path("response").asText()).startsWith("🎉 Your order is confirmed:\n• 2 unit(s) of SKU000001");
        inventory.verify(exactly(1), postRequestedFor(urlEqualTo("/hold/hold-1/commit")));
    }

    @Test
    void keepsTheHoldWhenTheInventoryFailsDuringAChangeAndSaysSo() {
        InventoryStub.stock("SKU000001", 500, 10);
        InventoryStub.hold("session-fail-1-SKU000001", 201, "hold-1", "SKU000001", 2, 498, "held");
        inventory.stubFor(InventoryStub.holdRequest("session-fail-1-SKU000001-1")
                .willReturn(InventoryStub.problem(503, "UPSTREAM_UNAVAILABLE", "Redis is down", "{}")));
        Chat chat = chat("fail-1");
        chat.say("I want 2 units of SKU000001");

        JsonNode changed = chat.say("make it 3");

        assertThat(changed.path("response").asText()).isEqualTo("""
                I'm having trouble processing your order right now. Please try again.
                Your reservation of 2 unit(s) of SKU000001 still stands.""");
        assertThat(changed.path("data").path("kept_hold_id").asText()).isEqualTo("hold-1");
        inventory.verify(exactly(0), deleteRequestedFor(anyUrl()));
        assertThat(chat.say("help").path("response").asText()).startsWith(Replies.HELP_WITH_HOLDS);
    }

    /** The hold calls the inventory received, oldest first. */
    private static List<String> holdCalls() {
        List<String> calls = new ArrayList<>(inventory.getAllServeEvents().stream()
                .map(event -> event.getRequest().getMethod() + " " + event.getRequest().getUrl())
                .filter(call -> call.contains("/hold"))
                .toList());
        Collections.reverse(calls);
        return calls;
    }

    @Test
    void holdsAgainUnderAFreshKeyWhenTheOldKeyAnswersItsReleasedHold() {
        InventoryStub.stock("SKU000003", 50);
        InventoryStub.hold("session-again-1-SKU000003", 201, "hold-1", "SKU000003", 1, 49, "held");
        inventory.stubFor(delete(urlEqualTo("/hold/hold-1"))
                .willReturn(okJson("{\"hold_id\":\"hold-1\",\"status\":\"released\",\"restored_stock\":1}")));
        InventoryStub.hold("session-again-1-SKU000003-1", 201, "hold-2", "SKU000003", 1, 49, "held");
        Chat chat = chat("again-1");

        chat.say("I want 1 unit of SKU000003");
        JsonNode cancel = chat.say("cancel");
        assertThat(cancel.path("intent").asText()).isEqualTo("cancel");
        assertThat(cancel.path("response").asText()).isEqualTo("""
                Your reservation has been cancelled and the stock released:
                • 1 unit(s) of SKU000003""");
        // the inventory answers the used key with its first hold, now released
        InventoryStub.hold("session-again-1-SKU000003", 200, "hold-1", "SKU000003", 1, 49, "released");
        JsonNode again = chat.say("I want 1 unit of SKU000003");

        assertThat(again.path("hold_id").asText()).isEqualTo("hold-2");
        assertThat(again.path("response").asText()).startsWith("✅ Reserved 1 unit(s) of SKU000003");
        inventory.verify(exactly(2), postRequestedFor(urlEqualTo("/hold"))
                .withHeader("X-Idempotency-Key", equalTo("session-again-1-SKU000003")));
        inventory.verify(exactly(1), postRequestedFor(urlEqualTo("/hold"))
                .withHeader("X-Idempotency-Key", equalTo("session-again-1-SKU000003-1")));
    }

    @Test
    void reportsAnExpiredHoldAtCheckoutInsteadOfSellingIt() {
        InventoryStub.stock("SKU000004", 20);
        InventoryStub.hold("session-late-1-SKU000004", 201, "hold-9", "SKU000004", 2, 18, "held");
        inventory.stubFor(post(urlEqualTo("/hold/hold-9/commit")).willReturn(InventoryStub.problem(409, "CONFLICT",
                "Hold hold-9 is expired", "{\"hold_id\":\"hold-9\",\"status\":\"expired\"}")));
        Chat chat = chat("late-1");
        chat.say("reserve 2 of SKU000004");

        JsonNode checkout = chat.say("yes, check out");

        assertThat(checkout.path("intent").asText()).isEqualTo("checkout");
        assertThat(checkout.path("response").asText()).contains("had expired or were released")
                .contains("• 2 unit(s) of SKU000004");
        assertThat(chat.say("check out").path("response").asText()).isEqualTo(Replies.NOTHING_TO_CHECK_OUT);
    }

    @Test
    void refusesAnOrderOutsideTheLimitOrOfPartUnitsAndHoldsNothing() {
        InventoryStub.stock("SKU000001", 500, 29, 49, 5, 23, 0);
        Chat chat = chat("big-1");

        for (String message : List.of("order 1001 units of SKU000001", "order 999999999999 units of SKU000001",
                "order -5 units of SKU000001", "order 2.5 units of SKU000001")) {
            JsonNode reply = chat.say(message);
            assertThat(reply.path("response").asText()).as(message)
                    .isEqualTo("Please tell me a quantity between 1 and 1000 units.");
            assertThat(reply.path("hold_id").isNull()).as(message).isTrue();
        }
        inventory.verify(exactly(0), postRequestedFor(urlEqualTo("/hold")));
    }

    @Test
    void answersAnUnknownSkuWithoutRetrying() {
        inventory.stubFor(InventoryStub.anyStockRead().willReturn(InventoryStub.problem(404, "NOT_FOUND",
                "Unknown SKU SKU000001", "{}")));

        JsonNode reply = chat(null).say("Is SKU000001 in stock?");

        assertThat(reply.path("response").asText())
                .isEqualTo("I couldn't find a product with SKU SKU000001. Please check the SKU and try again.");
        inventory.verify(exactly(1), getRequestedFor(urlEqualTo("/inventory/SKU000001")));
    }

    @Test
    void greetsHelpsAndAsksForASkuWithoutCallingTheInventory() {
        Chat chat = chat(null);

        JsonNode hello = chat.say("Hello there");
        assertThat(hello.path("intent").asText()).isEqualTo("greeting");
        assertThat(hello.path("session_id").asText()).matches("[0-9a-f-]{36}");
        assertThat(chat.say("what can you do?").path("intent").asText()).isEqualTo("help");
        JsonNode unknown = chat.say("what's the weather like?");
        assertThat(unknown.path("intent").asText()).isEqualTo("unknown");
        assertThat(unknown.path("response").asText())
                .isEqualTo("Please provide a product SKU to check inventory (e.g., SKU000001).");
        JsonNode noSku = chat.say("I'd like to order some");
        assertThat(noSku.path("response").asText()).isEqualTo("Please specify the product SKU you'd like to order.");
        inventory.verify(exactly(0), anyRequestedFor(anyUrl()));
    }

    @Test
    void keepsTheLastSkuForAFollowUpWithoutOne() {
        InventoryStub.stock("SKU000005", 7, 1);
        Chat chat = chat("follow-1");
        chat.say("Check stock for SKU000005");

        JsonNode again = chat.say("how many are available in stores?");

        assertThat(again.path("intent").asText()).isEqualTo("inventory");
        assertThat(again.path("data").path("sku").asText()).isEqualTo("SKU000005");
        assertThat(again.path("response").asText()).contains("• STORE_001: 1 units");
    }
}
