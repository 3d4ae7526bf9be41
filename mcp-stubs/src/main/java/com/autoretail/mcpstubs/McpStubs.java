package com.autoretail.mcpstubs;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a stub MCP server, also from another module's tests: several stubs may run side by side in
 * one JVM, each on its own port.
 *
 * <pre>{@code
 * try (var parts = McpStubs.start("parts", 0)) {
 *     String url = McpStubs.endpoint(parts); // http://localhost:<port>/mcp
 * }
 * }</pre>
 */
public final class McpStubs {

    /**
     * The configuration file name of the stubs, distinct from {@code application} so that a host
     * module's file never shadows it.
     */
    static final String CONFIG_NAME = "mcp-stubs";

    private McpStubs() {
    }

    /**
     * Starts one stub and returns once it serves {@code /mcp}.
     * @param stub {@code payment}, {@code repair-orders} or {@code parts}
     * @param port the HTTP port, {@code 0} for a random free one
     * @param extraArgs more settings as {@code --key=value}, e.g. {@code --stubs.data.parts=file:/tmp/parts.json}
     * @return the running application; close it to stop the server
     */
    public static ConfigurableApplicationContext start(String stub, int port, String... extraArgs) {
        Stub chosen = Stub.of(stub);
        // command-line arguments, because they outrank any application.properties of a host module
        List<String> args = new ArrayList<>(List.of("--stub=" + chosen.key(), "--server.port=" + port,
                "--server.shutdown=immediate", "--spring.config.name=" + CONFIG_NAME,
                "--spring.main.banner-mode=off"));
        args.addAll(List.of(extraArgs));
        return application().run(args.toArray(String[]::new));
    }

    /** The port a started stub listens on (the real one when it was started with port 0). */
    public static int port(ConfigurableApplicationContext stub) {
        return ((WebServerApplicationContext) stub).getWebServer().getPort();
    }

    /** The MCP endpoint of a started stub, e.g. {@code http://localhost:3005/mcp}. */
    public static String endpoint(ConfigurableApplicationContext stub) {
        return "http://localhost:" + port(stub) + stub.getEnvironment()
            .getProperty("spring.ai.mcp.server.streamable-http.mcp-endpoint", "/mcp");
    }

    static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(McpStubsApplication.class).main(McpStubsApplication.class)
            .properties("spring.config.name=" + CONFIG_NAME)
            .listeners(new StubDefaults());
    }

}
