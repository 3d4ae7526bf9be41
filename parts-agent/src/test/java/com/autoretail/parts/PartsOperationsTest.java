package com.autoretail.parts;

import com.autoretail.common.testsupport.HttpJson.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each operation's happy path over {@code /execute}, against the parts stub's seeded catalogue. */
class PartsOperationsTest extends PartsAgentHttpTest {

    @Test
    void searchesPartsForAVehicle() {
        Reply reply = execute("search_parts",
                "{\"part_name\":\"brake pads\",\"vehicle_make\":\"Toyota\",\"vehicle_model\":\"Camry\",\"vehicle_year\":2021}");
        assertSucceeded(reply, "mcp");
        assertThat(reply.body().at("/result/parts").findValuesAsText("part_number")).contains("1234")
                .doesNotContain("BRK2201");
    }

    @Test
    void checksAvailabilityAndReadsDetails() {
        Reply availability = execute("check_part_availability", "{\"part_number\":\"1234\"}");
        assertThat(availability.status()).isEqualTo(200);
        assertThat(availability.body().at("/result/available").asBoolean()).isTrue();
        assertThat(availability.body().at("/result/status").asText()).isIn("in_stock", "low_stock");

        Reply details = execute("get_part_details", "{\"part_number\":\"1234\"}");
        assertThat(details.status()).isEqualTo(200);
        assertThat(details.body().at("/result/name").asText()).isEqualTo("Brake Pad Set");
        assertThat(details.body().at("/result/category").asText()).isEqualTo("brakes");
        assertThat(details.body().at("/result/fitment").size()).isPositive();
    }

    @Test
    void answersNotFoundForAnUnknownPart() {
        Reply reply = execute("get_part_details", "{\"part_number\":\"ZZZ9999\"}");
        assertFailed(reply, 404, "NOT_FOUND");
    }

    @Test
    void reservesPartsForARepairOrderAndReleasesThemOnce() {
        int before = stockOf("BRK2210");
        Reply reserved = execute("reserve_parts",
                "{\"part_numbers\":[\"BRK2210\"],\"repair_order_id\":\"1234\",\"quantity_map\":{\"BRK2210\":2}}");
        assertThat(reserved.status()).isEqualTo(200);
        assertThat(reserved.body().at("/result/status").asText()).isEqualTo("reserved");
        assertThat(reserved.body().at("/result/repair_order_id").asText()).isEqualTo("1234");
        assertThat(reserved.body().at("/result/reserved_parts/0/quantity").asInt()).isEqualTo(2);
        assertThat(stockOf("BRK2210")).isEqualTo(before - 2);
        String reservationId = reserved.body().at("/result/reservation_id").asText();

        Reply released = execute("release_reservation", "{\"reservation_id\":\"" + reservationId + "\"}");
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.body().at("/result/released").asBoolean()).isTrue();
        assertThat(stockOf("BRK2210")).isEqualTo(before);

        Reply again = execute("release_reservation", "{\"reservation_id\":\"" + reservationId + "\"}");
        assertThat(again.body().at("/result/already_released").asBoolean()).isTrue();
        assertThat(stockOf("BRK2210")).isEqualTo(before);
    }

    @Test
    void refusesToReserveAPartOutOfStockWithTheShortages() {
        Reply reply = execute("reserve_parts", "{\"part_numbers\":[\"BRK2240\"],\"repair_order_id\":\"1234\"}");
        assertFailed(reply, 409, "CONFLICT");
        assertThat(reply.body().at("/result/shortages").toString()).contains("BRK2240");
    }

    @Test
    void checksVehicleCompatibility() {
        Reply fits = execute("check_vehicle_compatibility",
                "{\"part_number\":\"1234\",\"vehicle_make\":\"Toyota\",\"vehicle_model\":\"Camry\",\"vehicle_year\":2021}");
        assertThat(fits.status()).isEqualTo(200);
        assertThat(fits.body().at("/result/compatible").asBoolean()).isTrue();

        Reply doesNotFit = execute("check_vehicle_compatibility",
                "{\"part_number\":\"1234\",\"vehicle_model\":\"F-150\",\"vehicle_year\":2021}");
        assertThat(doesNotFit.body().at("/result/compatible").asBoolean()).isFalse();
        assertThat(doesNotFit.body().at("/result/reason").asText()).isNotEmpty();
    }

    @Test
    void validatesPartNumbersLocallyNamingEveryProblem() {
        Reply valid = execute("validate_part_number", "{\"part_number\":\"brk2201\"}");
        assertSucceeded(valid, "local");
        assertThat(valid.body().at("/result/valid").asBoolean()).isTrue();
        assertThat(valid.body().at("/result/normalized").asText()).isEqualTo("BRK2201");
        assertThat(valid.body().at("/result/errors")).isEmpty();

        Reply dashed = execute("validate_part_number", "{\"part_number\":\"brk-2201\"}");
        assertThat(dashed.body().at("/result/valid").asBoolean()).as("dealers print part numbers with dashes").isTrue();
        assertThat(dashed.body().at("/result/normalized").asText()).isEqualTo("BRK-2201");

        Reply invalid = execute("validate_part_number", "{\"part_number\":\"B-\"}");
        assertThat(invalid.status()).as("an invalid part number is a valid question").isEqualTo(200);
        assertThat(invalid.body().path("success").asBoolean()).isTrue();
        assertThat(invalid.body().at("/result/valid").asBoolean()).isFalse();
        assertThat(invalid.body().at("/result/errors")).hasSize(2);
        assertThat(invalid.body().at("/result/errors").findValuesAsText("message"))
                .anySatisfy(message -> assertThat(message).contains("3 to 20 characters"))
                .anySatisfy(message -> assertThat(message).contains("'-'"));

        Reply spaces = execute("validate_part_number", "{\"part_number\":\"BRK 22#01\"}");
        assertThat(spaces.body().at("/result/errors/0/message").asText()).contains("whitespace", "'#'");
    }
}
