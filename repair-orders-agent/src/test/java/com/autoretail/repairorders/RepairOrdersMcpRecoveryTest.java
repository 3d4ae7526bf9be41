package com.autoretail.repairorders;

import com.autoretail.mcpstubs.testsupport.AgentTestStub;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The repair-orders MCP server stops mid-test: UPSTREAM_UNAVAILABLE at once, then recovery on the same port. */
class RepairOrdersMcpRecoveryTest extends RepairOrdersAgentHttpTest {

    @Test
    void answersUnavailableFastWhileTheServerIsDownAndRecoversWhenItIsBack() {
        AgentTestStub.running("repair-orders").whileStopped(() -> {
            assertUnavailableFast("update_repair_order_status",
                    "{\"repair_order_id\":\"1234\",\"new_status\":\"quality_check\"}");
            assertThat(execute("get_repair_history", "{\"repair_order_id\":\"1234\"}").text("error_code"))
                    .isEqualTo("UPSTREAM_UNAVAILABLE");
            awaitDown();
            assertThat(execute("validate_repair_order_transition",
                    "{\"current_status\":\"in_progress\",\"new_status\":\"quality_check\"}").status())
                    .as("a transition from a given status needs no MCP server").isEqualTo(200);
        });
        awaitHealthy();
        assertThat(execute("get_repair_order_details", "{\"repair_order_id\":\"1234\"}").status()).isEqualTo(200);
    }
}
