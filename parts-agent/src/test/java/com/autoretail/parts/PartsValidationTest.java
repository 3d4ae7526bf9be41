package com.autoretail.parts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parameter validation by the agent: each failure answered VALIDATION_ERROR naming its field, before any call to
 * the MCP server (the agent's message, "Invalid parameters for ...", and its {@code result.errors}).
 */
class PartsValidationTest extends PartsAgentHttpTest {

    @Test
    void requiresThePartNameOfASearch() {
        assertInvalidParameters("search_parts", "{\"vehicle_model\":\"Camry\"}", "part_name");
        assertInvalidParameters("search_parts", "{\"part_name\":\"\"}", "part_name");
        assertInvalidParameters("search_parts", "{\"part_name\":\"brake\",\"vehicle_year\":1800}", "vehicle_year");
    }

    @Test
    void refusesMalformedPartNumbers() {
        assertInvalidParameters("get_part_details", "{\"part_number\":\"12-34\"}", "part_number");
        assertInvalidParameters("check_part_availability", "{\"part_number\":1234}", "part_number");
        assertInvalidParameters("get_alternative_parts", "{\"part_number\":\"X\"}", "part_number");
        assertInvalidParameters("validate_part_number", "{}", "part_number");
    }

    @Test
    void refusesABadReservationAndReservesNothing() {
        int before = stockOf("1234");
        assertInvalidParameters("reserve_parts", "{\"part_numbers\":[],\"repair_order_id\":\"1234\"}", "part_numbers");
        assertInvalidParameters("reserve_parts", "{\"part_numbers\":[\"1234\",\"a b\"],\"repair_order_id\":\"RO 12x\"}",
                "part_numbers[1]", "repair_order_id");
        assertInvalidParameters("reserve_parts", "{\"part_numbers\":[\"1234\"]}", "repair_order_id");
        assertInvalidParameters("reserve_parts",
                "{\"part_numbers\":[\"1234\"],\"repair_order_id\":\"1234\",\"quantity_map\":{\"1234\":0}}",
                "quantity_map.1234");
        assertInvalidParameters("reserve_parts",
                "{\"part_numbers\":[\"1234\"],\"repair_order_id\":\"1234\",\"quantity_map\":{\"BRK2202\":1}}",
                "quantity_map.BRK2202");
        assertThat(stockOf("1234")).isEqualTo(before);
    }

    @Test
    void requiresTheVehicleOfACompatibilityCheck() {
        assertInvalidParameters("check_vehicle_compatibility", "{\"part_number\":\"1234\",\"vehicle_model\":\"\"}",
                "vehicle_model", "vehicle_year");
        assertInvalidParameters("check_vehicle_compatibility",
                "{\"part_number\":\"1234\",\"vehicle_model\":\"Camry\",\"vehicle_year\":3000}", "vehicle_year");
    }

    @Test
    void refusesAnUnknownOperation() {
        assertFailed(execute("order_pizza", "{}"), 400, "UNKNOWN_OPERATION");
    }
}
