package com.autoretail.repairorders;

import com.autoretail.common.testsupport.HttpJson.Reply;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The repair-orders MCP server stops mid-test: UPSTREAM_UNAVAILABLE at once, then recovery on the same port. */
class RepairOrdersMcpRecoveryTest extends RepairOrdersAgentHttpTest {

    @Test
    void answersUnavailableFastWhileTheServerIsDownAndRecoversWhenItIsBack() {
        stopStub();
        try {
            long start = System.nanoTime();
            Reply down = execute("update_repair_order_status", "{\"repair_order_id\":\"1234\",\"new_status\":\"quality_check\"}");
            assertThat((System.nanoTime() - start) / 1e9).isLessThan(3.0);
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.text("error_code")).isEqualTo("UPSTREAM_UNAVAILABLE");
            assertThat(execute("get_repair_history", "{\"repair_order_id\":\"1234\"}").text("error_code"))
                    .isEqualTo("UPSTREAM_UNAVAILABLE");
            await().atMost(Duration.ofSeconds(5)).until(() -> http.get("/health").status() == 503);
            assertThat(execute("validate_repair_order_transition",
                    "{\"current_status\":\"in_progress\",\"new_status\":\"quality_check\"}").status())
                    .as("a transition from a given status needs no MCP server").isEqualTo(200);
        } finally {
            startStubAgain();
        }
        awaitHealthy();
        assertThat(execute("get_repair_order_details", "{\"repair_order_id\":\"1234\"}").status()).isEqualTo(200);
    }
}
