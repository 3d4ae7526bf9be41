package com.autoretail.inventory;

import com.autoretail.common.testsupport.HttpJson.Reply;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The hold quotas and the checkout-sized ttl as the REST API and /execute answer them, with the shipped defaults. */
class InventoryQuotaRestTest extends InventoryHttpTest {

    @Test
    void aSessionPastItsUnitsGetsQuotaExceededAndNothingChanges() {
        String session = "s-" + UUID.randomUUID();
        assertThat(hold(Map.of("sku", "SKU000031", "quantity", 15, "session_id", session), null).status())
                .isEqualTo(201);
        int before = onlineStock("SKU000031");

        Reply refused = hold(Map.of("sku", "SKU000031", "quantity", 6, "session_id", session), null);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("error_code")).isEqualTo("QUOTA_EXCEEDED");
        assertThat(refused.text("detail")).contains("session", "15 units", "at most 20 units in 5 holds");
        assertThat(refused.body().at("/details/max_units").asInt()).isEqualTo(20);
        assertThat(refused.text("request_id")).isNotBlank();
        assertThat(onlineStock("SKU000031")).isEqualTo(before);
        assertThat(http.get("/inventory/SKU000031").body().path("reserved").asInt()).isEqualTo(15);
    }

    @Test
    void releasingAHoldGivesTheSessionItsQuotaBack() {
        String session = "s-" + UUID.randomUUID();
        String holdId = hold(Map.of("sku", "SKU000033", "quantity", 20, "session_id", session), null).text("hold_id");
        assertThat(hold(Map.of("sku", "SKU000033", "quantity", 1, "session_id", session), null).status())
                .isEqualTo(429);

        assertThat(http.delete("/hold/" + holdId).status()).isEqualTo(200);

        assertThat(hold(Map.of("sku", "SKU000033", "quantity", 20, "session_id", session), null).status())
                .isEqualTo(201);
    }

    @Test
    void aCustomerPastTheirOpenHoldsIsRefusedOverEverySession() {
        String customer = "c-" + UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            assertThat(hold(Map.of("sku", "SKU000034", "quantity", 1, "session_id", "s" + i + customer,
                    "customer_id", customer), null).status()).isEqualTo(201);
        }
        Reply refused = hold(Map.of("sku", "SKU000034", "quantity", 1, "session_id", "new" + customer,
                "customer_id", customer), null);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body().at("/details/scope").asText()).isEqualTo("customer");
    }

    @Test
    void executeCreateHoldCountsAgainstTheSessionItNames() {
        String session = "s-" + UUID.randomUUID();
        Reply first = http.post("/execute", "{\"operation\":\"create_hold\",\"parameters\":{\"sku\":\"SKU000032\","
                + "\"quantity\":20,\"location\":\"STORE_002\",\"session_id\":\"" + session + "\"}}");
        Reply second = http.post("/execute", "{\"operation\":\"create_hold\",\"parameters\":{\"sku\":\"SKU000032\","
                + "\"quantity\":1,\"location\":\"STORE_002\",\"session_id\":\"" + session + "\"}}");

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.text("error_code")).isEqualTo("QUOTA_EXCEEDED");
        assertThat(second.body().path("success").asBoolean()).isFalse();
    }

    @Test
    void aTtlPastHalfAnHourOrIdsWithControlCharactersAreRefused() {
        Reply longTtl = hold(Map.of("sku", "SKU000035", "quantity", 1, "ttl", 1801), null);
        Reply forged = hold(Map.of("sku", "SKU000035", "quantity", 1, "session_id", "s1\r\nINFO forged"), null);
        Reply nul = hold(Map.of("sku", "SKU000035\u0000", "quantity", 1), null);

        for (Reply reply : List.of(longTtl, forged, nul)) {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.text("error_code")).isEqualTo("VALIDATION_ERROR");
        }
        assertThat(errorFields(longTtl)).containsExactly("ttl");
        assertThat(longTtl.text("detail")).contains("1800");
        assertThat(errorFields(forged)).containsExactly("session_id");
        assertThat(errorFields(nul)).containsExactly("sku");
        assertThat(hold(Map.of("sku", "SKU000035", "quantity", 1, "ttl", 1800), null).status()).isEqualTo(201);
    }
}
