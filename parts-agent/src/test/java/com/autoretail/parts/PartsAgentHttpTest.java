package com.autoretail.parts;

import com.autoretail.common.testsupport.AgentHttpTestSupport;
import com.autoretail.mcpstubs.testsupport.StubMcpServer;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The parts agent over HTTP in front of the real parts MCP server (mcp-stubs), both started once for every test
 * class extending this one: they share one Spring context, and the stub runs until the JVM ends (a test may stop
 * it and start it again on the same port).
 */
@StubMcpServer("parts")
@SpringBootTest(classes = PartsAgentApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PartsAgentHttpTest extends AgentHttpTestSupport {

    int stockOf(String partNumber) {
        return execute("check_part_availability", "{\"part_number\":\"" + partNumber + "\"}")
                .body().at("/result/stock").asInt();
    }
}
