package com.autoretail.mcpstubs.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an agent's {@code @SpringBootTest} class: the agent under test talks to this stub MCP server
 * ({@link AgentTestStub#running}), with quick reconnects and no MCP server of its own. Test classes naming the
 * same stub share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface StubMcpServer {

    /** {@code payment}, {@code repair-orders} or {@code parts}. */
    String value();

}
