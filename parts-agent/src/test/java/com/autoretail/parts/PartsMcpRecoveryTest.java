package com.autoretail.parts;

import com.autoretail.common.testsupport.HttpJson.Reply;
import com.autoretail.mcpstubs.testsupport.AgentTestStub;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parts MCP server goes away mid-test: the agent answers UPSTREAM_UNAVAILABLE at once, reports DOWN, keeps its
 * local operations and its last known operations, opens its breaker, and recovers by itself when the server is
 * back on the same port.
 */
class PartsMcpRecoveryTest extends PartsAgentHttpTest {

    @Test
    void answersUnavailableFastWhileTheServerIsDownAndRecoversWhenItIsBack() {
        assertThat(execute("get_part_details", "{\"part_number\":\"1234\"}").status()).isEqualTo(200);
        String reservation = stepRequestId("reserve_part_1");
        String reserveParameters = "{\"part_numbers\":[\"1234\"],\"repair_order_id\":\"1234\"}";

        AgentTestStub.running("parts").whileStopped(() -> {
            assertUnavailableFast("get_part_details", "{\"part_number\":\"1234\"}");

            awaitDown();
            assertThat(http.get("/health").body().at("/dependencies/mcp/status").asText()).isEqualTo("DOWN");
            assertThat(http.get("/capabilities").body().path("mcp_tools")).as("the last known tools stay").hasSize(6);
            assertThat(execute("validate_part_number", "{\"part_number\":\"1234\"}").status())
                    .as("local operations need no MCP server").isEqualTo(200);
            assertThat(execute("get_alternative_parts", "{\"part_number\":\"1234\"}").text("error_code"))
                    .isEqualTo("UPSTREAM_UNAVAILABLE");
            assertThat(execute(reservation, "reserve_parts", reserveParameters).text("error_code"))
                    .isEqualTo("UPSTREAM_UNAVAILABLE");

            for (int i = 0; i < 5; i++) {
                execute("check_part_availability", "{\"part_number\":\"1234\"}");
            }
            Reply open = assertUnavailableFast("check_part_availability", "{\"part_number\":\"1234\"}");
            assertThat(open.text("error")).contains("circuit breaker open");
        });

        awaitHealthy();
        assertThat(execute("get_part_details", "{\"part_number\":\"1234\"}").status()).isEqualTo(200);
        Reply retried = execute(reservation, "reserve_parts", reserveParameters);
        assertThat(retried.status()).as("a retryable failure frees its request_id").isEqualTo(200);
        assertThat(retried.body().at("/metadata/replayed").asBoolean()).isFalse();
    }
}
