package com.autoretail.repairorders;

import com.autoretail.common.testsupport.AgentHttpTestSupport;
import com.autoretail.common.testsupport.HttpJson.Reply;
import com.autoretail.mcpstubs.testsupport.StubMcpServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repair-orders agent over HTTP in front of the real repair-orders MCP server (mcp-stubs), both started once for every test
 * class extending this one: they share one Spring context, and the stub runs until the JVM ends (a test may stop
 * it and start it again on the same port). The agent is a Mockito spy, so that a test can tell which MCP tools it
 * called.
 */
@StubMcpServer("repair-orders")
@SpringBootTest(classes = RepairOrdersAgentApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RepairOrdersAgentHttpTest extends AgentHttpTestSupport {

    @MockitoSpyBean
    RepairOrdersAgent agent;

    /** A new pending repair order of the seeded customer; its number. */
    String newRepairOrder() {
        Reply created = execute("create_repair_order", "{\"customer_id\":\"ambujmehra\",\"vehicle_id\":\"VEH001\","
                + "\"service_description\":\"Front brake pads replacement\"}");
        assertThat(created.status()).isEqualTo(200);
        return created.body().at("/result/repair_order_id").asText();
    }

    JsonNode details(String repairOrderId) {
        return execute("get_repair_order_details", "{\"repair_order_id\":\"" + repairOrderId + "\"}")
                .body().path("result");
    }
}
