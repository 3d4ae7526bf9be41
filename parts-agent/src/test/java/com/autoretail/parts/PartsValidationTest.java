package com.autoretail.parts;

import com.autoretail.common.testsupport.HttpJson.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parameter validation by the agent: each failure answered VALIDATION_ERROR naming its field, before any call to
 * the MCP server (the agent's message, "Invalid parameters for ...", and its {@code result.errors}).
 */
class PartsValidationTest extends PartsAgentHttpTest {

    private void assertRefused(Reply reply, String operation, String... fields) {
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error_code")).isEqualTo("VALIDATION_ERROR");
        assertThat(reply.text("error")).startsWith("Invalid parameters for " + operation);
        assertThat(reply.body().at("/result/errors").findValuesAsText("field")).containsExactlyInAnyOrder(fields);
    }

    @Test
    void requiresThePartNameOfASearch() {
        assertRefused(execute("search_parts", "{\"vehicle_model\":\"Camry\"}"), "search_parts", "part_name");
        assertRefused(execute("search_parts", "{\"part_name\":\"\"}"), "search_parts", "part_name");
        assertRefused(execute("search_parts", "{\"part_name\":\"brake\",\"vehicle_year\":1800}"),
                "search_parts", "vehicle_year");
    }

    @Test
    void refusesMalformedPartNumbers() {
        assertRefused(execute("get_part_details", "{\"part_number\":\"12-34\"}"), "get_part_details", "part_number");
        assertRefused(execute("check_part_availability", "{\"part_number\":1234}"),
                "check_part_availability", "part_number");
        assertRefused(execute("get_alternative_parts", "{\"part_number\":\"X\"}"),
                "get_alternative_parts", "part_number");
        assertRefused(execute("validate_part_number", "{}"), "validate_part_number", "part_number");
    }

    @Test
    void refusesABadReservationAndReservesNothing() {
        int before = stockOf("1234");
        assertRefused(execute("reserve_parts", "{\"part_numbers\":[],\"repair_order_id\":\"1234\"}"),
                "reserve_parts", "part_numbers");
        assertRefused(execute("reserve_parts", "{\"part_numbers\":[\"1234\",\"a b\"],\"repair_order_id\":\"RO 12x\"}"),
                "reserve_parts", "part_numbers[1]", "repair_order_id");
        assertRefused(execute("reserve_parts", "{\"part_numbers\":[\"1234\"]}"), "reserve_parts", "repair_order_id");
        assertRefused(execute("reserve_parts",
                        "{\"part_numbers\":[\"1234\"],\"repair_order_id\":\"1234\",\"quantity_map\":{\"1234\":0}}"),
                "reserve_parts", "quantity_map.1234");
        assertRefused(execute("reserve_parts",
                        "{\"part_numbers\":[\"1234\"],\"repair_order_id\":\"1234\",\"quantity_map\":{\"BRK2202\":1}}"),
                "reserve_parts", "quantity_map.BRK2202");
        assertThat(stockOf("1234")).isEqualTo(before);
    }

    @Test
    void requiresTheVehicleOfACompatibilityCheck() {
        assertRefused(execute("check_vehicle_compatibility", "{\"part_number\":\"1234\",\"vehicle_model\":\"\"}"),
                "check_vehicle_compatibility", "vehicle_model", "vehicle_year");
        assertRefused(execute("check_vehicle_compatibility",
                        "{\"part_number\":\"1234\",\"vehicle_model\":\"Camry\",\"vehicle_year\":3000}"),
                "check_vehicle_compatibility", "vehicle_year");
    }

    @Test
    void refusesAnUnknownOperation() {
        Reply reply = execute("order_pizza", "{}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error_code")).isEqualTo("UNKNOWN_OPERATION");
    }
}
