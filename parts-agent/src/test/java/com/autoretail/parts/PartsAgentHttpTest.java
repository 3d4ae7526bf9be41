package com.autoretail.parts;

import com.autoretail.common.testsupport.AgentHttpTestSupport;
import com.autoretail.mcpstubs.testsupport.AgentTestStub;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The parts agent over HTTP in front of the real parts MCP server (mcp-stubs), both started once for every test
 * class extending this one: they share one Spring context, and the stub runs until the JVM ends (a test may stop
 * it and start it again on the same port).
 */
@SpringBootTest(classes = PartsAgentApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PartsAgentHttpTest extends AgentHttpTestSupport {

    static final AgentTestStub STUB = new AgentTestStub("parts");

    @DynamicPropertySource
    static void agentSettings(DynamicPropertyRegistry registry) {
        STUB.agentSettings(registry);
    }

    int stockOf(String partNumber) {
        return execute("check_part_availability", "{\"part_number\":\"" + partNumber + "\"}")
                .body().at("/result/stock").asInt();
    }
}
