package com.autoretail.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole fleet as separate JVMs started from the modules' runnable jars, on free ports, wired to each other
 * by the same environment variables a user sets. Logs go to {@code target/e2e-logs}. Started once for the
 * suite, stopped by a shutdown hook.
 */
final class FleetProcesses {

    /** One service: how it is started, and where it answers. */
    record Service(String name, String module, int port, String healthPath, List<String> args,
                   Map<String, String> env) {
        String url() {
            return "http://localhost:" + port;
        }
    }

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path LOGS = Path.of("target", "e2e-logs");
    private static final List<String> JVM_OPTIONS = List.of("-Xmx160m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=48m");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static FleetProcesses running;

    private final Map<String, Service> services = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The fleet, started on first use. */
    static synchronized FleetProcesses get() {
        if (running == null) {
            running = new FleetProcesses();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stopAll));
            running.startAll();
        }
        return running;
    }

    private FleetProcesses() {
        int paymentMcp = freePort();
        int repairOrdersMcp = freePort();
        int partsMcp = freePort();
        int inventory = freePort();
        int payment = freePort();
        int repairOrders = freePort();
        int parts = freePort();
        int sales = freePort();
        int orchestrator = freePort();
        add(new Service("payment-mcp", "mcp-stubs", paymentMcp, "/health", List.of("--stub=payment"), Map.of()));
        add(new Service("repair-orders-mcp", "mcp-stubs", repairOrdersMcp, "/health", List.of("--stub=repair-orders"),
                Map.of()));
        add(new Service("parts-mcp", "mcp-stubs", partsMcp, "/health", List.of("--stub=parts"), Map.of()));
        add(agent("inventory", "inventory-agent", inventory, Map.of()));
        add(agent("payment", "payment-agent", payment,
                Map.of("PAYMENT_MCP_ENDPOINT", "http://localhost:" + paymentMcp + "/mcp")));
        add(agent("repair-orders", "repair-orders-agent", repairOrders,
                Map.of("REPAIR_ORDERS_MCP_ENDPOINT", "http://localhost:" + repairOrdersMcp + "/mcp")));
        add(agent("parts", "parts-agent", parts,
                Map.of("PARTS_MCP_ENDPOINT", "http://localhost:" + partsMcp + "/mcp")));
        add(agent("sales", "sales-agent", sales,
                Map.of("INVENTORY_SERVICE_URL", "http://localhost:" + inventory)));
        add(new Service("orchestrator", "orchestrator-service", orchestrator, "/actuator/health/readiness",
                List.of("--resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=3s"),
                Map.of("PAYMENT_SERVICE_URL", "http://localhost:" + payment,
                        "REPAIR_ORDERS_SERVICE_URL", "http://localhost:" + repairOrders,
                        "PARTS_SERVICE_URL", "http://localhost:" + parts,
                        "INVENTORY_SERVICE_URL", "http://localhost:" + inventory,
                        "SALES_SERVICE_URL", "http://localhost:" + sales,
                        "SERVICE_DISCOVERY_INTERVAL", "2")));
    }

    private static Service agent(String name, String module, int port, Map<String, String> env) {
        return new Service(name, module, port, "/actuator/health/readiness", List.of(), env);
    }

    private void add(Service service) {
        services.put(service.name(), service);
    }

    Service service(String name) {
        return services.get(name);
    }

    String url(String name) {
        return services.get(name).url();
    }

    private void startAll() {
        try {
            Files.createDirectories(LOGS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The agents need their MCP servers and inventory, the orchestrator discovers the agents when it starts.
        for (List<String> wave : List.of(List.of("payment-mcp", "repair-orders-mcp", "parts-mcp", "inventory"),
                List.of("payment", "repair-orders", "parts", "sales"), List.of("orchestrator"))) {
            wave.forEach(this::start);
            wave.forEach(this::awaitHealthy);
        }
    }

    /** Starts one service's JVM. */
    void start(String name) {
        Service service = services.get(name);
        Path jar = ROOT.resolve(service.module()).resolve("target")
                .resolve(service.module() + "-1.0.0-SNAPSHOT-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the fleet first (./mvnw package, or ./fleet test)");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + service.port(),
                "--server.shutdown=immediate"));
        command.addAll(service.args());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOGS.resolve(name + ".log").toFile()));
        builder.environment().putAll(service.env());
        builder.environment().remove("OPENAI_API_KEY");
        builder.environment().remove("AGENT_API_KEY");
        try {
            processes.put(name, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until a service answers its health check; fails with the end of its log if it dies or is slow. */
    void awaitHealthy(String name) {
        Service service = services.get(name);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!healthy(service)) {
            Process process = processes.get(name);
            if (process == null || !process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not come up; the end of its log:\n" + logTail(name));
            }
            sleep(200);
        }
    }

    boolean healthy(Service service) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(service.url()
                    + service.healthPath())).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Kills a service at once, as a crash would. */
    void kill(String name) {
        Process process = processes.remove(name);
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void stopAll() {
        List<String> names = new ArrayList<>(processes.keySet());
        names.forEach(name -> processes.get(name).destroy());
        names.forEach(this::kill);
    }

    private static String logTail(String name) {
        try {
            List<String> lines = Files.readAllLines(LOGS.resolve(name + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static File root() {
        return ROOT.toFile();
    }
}
