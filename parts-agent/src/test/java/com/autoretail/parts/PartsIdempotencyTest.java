package com.autoretail.parts;

import com.autoretail.common.testsupport.HttpJson.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A reservation is a side effect: the same request_id twice reserves once and replays the first answer. */
class PartsIdempotencyTest extends PartsAgentHttpTest {

    @Test
    void reservesOnceWhenTheSameRequestIsSentTwice() {
        int before = stockOf("BRK2211");

        Reply first = executeTwice(stepRequestId("reserve_part_1"), "reserve_parts",
                "{\"part_numbers\":[\"BRK2211\"],\"repair_order_id\":\"1234\",\"quantity_map\":{\"BRK2211\":1}}");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().at("/result/reservation_id").asText()).isNotEmpty();
        assertThat(stockOf("BRK2211")).as("one reservation").isEqualTo(before - 1);
    }

    @Test
    void refusesTheSameRequestIdForAnotherOperationAndRunsNothing() {
        String requestId = stepRequestId("reserve_part_1");
        Reply reserved = execute(requestId, "reserve_parts", "{\"part_numbers\":[\"FLT3301\"],\"repair_order_id\":\"1234\"}");
        assertThat(reserved.status()).isEqualTo(200);
        String reservationId = reserved.body().at("/result/reservation_id").asText();

        int reservedStock = stockOf("FLT3301");

        Reply reused = execute(requestId, "release_reservation", "{\"reservation_id\":\"" + reservationId + "\"}");

        assertFailed(reused, 422, "IDEMPOTENCY_KEY_REUSED");
        assertThat(stockOf("FLT3301")).as("nothing released").isEqualTo(reservedStock);
    }

    @Test
    void neverReplaysAReadOnlyOperation() {
        String requestId = stepRequestId("check_1");
        execute(requestId, "check_part_availability", "{\"part_number\":\"1234\"}");
        Reply again = execute(requestId, "check_part_availability", "{\"part_number\":\"1234\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().at("/metadata/replayed").asBoolean()).isFalse();
    }
}
