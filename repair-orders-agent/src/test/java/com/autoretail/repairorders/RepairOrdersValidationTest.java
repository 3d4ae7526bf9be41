package com.autoretail.repairorders;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** Parameter validation by the agent: each failure answered VALIDATION_ERROR naming its fields; no MCP call. */
class RepairOrdersValidationTest extends RepairOrdersAgentHttpTest {

    @BeforeEach
    void forgetCalls() {
        clearInvocations(agent);
    }

    @AfterEach
    void calledNoMcpTool() {
        verify(agent, never()).callMcpTool(anyString(), any());
    }

    @ParameterizedTest(name = "{0} {1} names {2}")
    @CsvSource(delimiter = '|', textBlock = """
            create_repair_order        | {}                                              | customer_id vehicle_id service_description
            create_repair_order        | {"customer_id":"","vehicle_id":"VEH001","service_description":"Brakes"} | customer_id
            update_repair_order_status | {"repair_order_id":"1234","new_status":"done"}  | new_status
            update_repair_order_status | {"repair_order_id":"R2D2","new_status":"scheduled"} | repair_order_id
            update_repair_order_status | {"repair_order_id":"1234"}                      | new_status
            get_repair_order_details   | {"repair_order_id":"12"}                        | repair_order_id
            get_repair_history         | {}                                              | repair_order_id
            list_repair_orders         | {"status":"lost"}                               | status
            assign_technician          | {"repair_order_id":"1234"}                      | technician_id
            add_repair_notes           | {"repair_order_id":"1234","note":""}            | note
            add_part_to_repair_order   | {"repair_order_id":"1234","part_number":"12_34","quantity":0,"unit_price":0} | part_number quantity unit_price
            """)
    void refusesMalformedOrMissingParameters(String operation, String parameters, String fields) {
        assertInvalidParameters(operation, parameters, fields.split(" "));
    }
}
