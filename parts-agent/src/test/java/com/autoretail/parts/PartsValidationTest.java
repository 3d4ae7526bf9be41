package com.autoretail.parts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parameter validation by the agent: each failure answered VALIDATION_ERROR naming its fields, before any call to
 * the MCP server (the agent's message, "Invalid parameters for ...", and its {@code result.errors}).
 */
class PartsValidationTest extends PartsAgentHttpTest {

    @ParameterizedTest(name = "{0} {1} names {2}")
    @CsvSource(delimiter = '|', textBlock = """
            search_parts                | {"vehicle_model":"Camry"}                    | part_name
            search_parts                | {"part_name":""}                             | part_name
            search_parts                | {"part_name":"brake","vehicle_year":1800}    | vehicle_year
            get_part_details            | {"part_number":"12_34"}                      | part_number
            check_part_availability     | {"part_number":1234}                         | part_number
            get_alternative_parts       | {"part_number":"X"}                          | part_number
            validate_part_number        | {}                                           | part_number
            check_vehicle_compatibility | {"part_number":"1234","vehicle_model":""}    | vehicle_model vehicle_year
            check_vehicle_compatibility | {"part_number":"1234","vehicle_model":"Camry","vehicle_year":3000} | vehicle_year
            """)
    void refusesMalformedOrMissingParameters(String operation, String parameters, String fields) {
        assertInvalidParameters(operation, parameters, fields.split(" "));
    }

    @ParameterizedTest(name = "{0} names {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"part_numbers":[],"repair_order_id":"1234"}                                    | part_numbers
            {"part_numbers":["1234","a b"],"repair_order_id":"RO 12x"}                      | part_numbers[1] repair_order_id
            {"part_numbers":["1234"]}                                                       | repair_order_id
            {"part_numbers":["1234"],"repair_order_id":"1234","quantity_map":{"1234":0}}    | quantity_map.1234
            {"part_numbers":["1234"],"repair_order_id":"1234","quantity_map":{"BRK2202":1}} | quantity_map.BRK2202
            """)
    void refusesABadReservationAndReservesNothing(String parameters, String fields) {
        int before = stockOf("1234");
        assertInvalidParameters("reserve_parts", parameters, fields.split(" "));
        assertThat(stockOf("1234")).isEqualTo(before);
    }

    @Test
    void refusesAnUnknownOperation() {
        assertFailed(execute("order_pizza", "{}"), 400, "UNKNOWN_OPERATION");
    }
}
