package com.autoretail.e2e;

import com.autoretail.common.testsupport.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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

    private static final Path LOGS = Path.of("target", "e2e-logs");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static FleetProcesses running;

    private final FleetTable table = FleetTable.read();
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

    /**
     * The services of fleet.conf on free ports, none of them started: for a test that starts only the instances it
     * needs (with {@link #startInstance}, {@link #launch}), stopped by a shutdown hook.
     */
    static FleetProcesses unstarted() {
        FleetProcesses fleet = new FleetProcesses();
        Runtime.getRuntime().addShutdownHook(new Thread(fleet::stopAll));
        return fleet;
    }

    /** The services of fleet.conf on free ports, wired to each other as a user would by the environment. */
    private FleetProcesses() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        table.names().forEach(name -> ports.put(name, FreePorts.next()));
        Map<String, Map<String, String>> env = Map.of(
                "payment", Map.of("PAYMENT_MCP_ENDPOINT", "http://localhost:" + ports.get("payment-mcp") + "/mcp"),
                "repair-orders", Map.of("REPAIR_ORDERS_MCP_ENDPOINT",
                        "http://localhost:" + ports.get("repair-orders-mcp") + "/mcp"),
                "parts", Map.of("PARTS_MCP_ENDPOINT", "http://localhost:" + ports.get("parts-mcp") + "/mcp"),
                "sales", Map.of("INVENTORY_SERVICE_URL", "http://localhost:" + ports.get("inventory")),
                "orchestrator", Map.of("PAYMENT_SERVICE_URL", "http://localhost:" + ports.get("payment"),
                        "REPAIR_ORDERS_SERVICE_URL", "http://localhost:" + ports.get("repair-orders"),
                        "PARTS_SERVICE_URL", "http://localhost:" + ports.get("parts"),
                        "INVENTORY_SERVICE_URL", "http://localhost:" + ports.get("inventory"),
                        "SALES_SERVICE_URL", "http://localhost:" + ports.get("sales"),
                        "SERVICE_DISCOVERY_INTERVAL", "2"));
        // a breaker opened by the test that kills an agent closes again within the test's patience
        Map<String, List<String>> args = Map.of("orchestrator",
                List.of("--resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=3s"));
        for (FleetTable.Service row : table.services()) {
            List<String> serviceArgs = new ArrayList<>(row.args());
            serviceArgs.addAll(args.getOrDefault(row.name(), List.of()));
            services.put(row.name(), new Service(row.name(), row.module(), ports.get(row.name()), row.healthPath(),
                    List.copyOf(serviceArgs), env.getOrDefault(row.name(), Map.of())));
        }
    }

    Service service(String name) {
        return services.get(name);
    }

    String url(String name) {
        return services.get(name).url();
    }

    /**
     * Starts one more instance of a service of the table under a name of its own, on a free port: the service's
     * wiring with {@code env} and {@code args} on top, e.g. a second orchestrator on a shared Redis.
     */
    Service startInstance(String name, String of, Map<String, String> env, List<String> args) {
        launch(name, of, env, args);
        awaitHealthy(name);
        return services.get(name);
    }

    /**
     * Starts one more orchestrator journaling on {@code redis}, with leases short enough that a dead one's workflows
     * move on within a test's patience; {@code env} adds to its wiring (e.g. agents behind a proxy).
     */
    Service startOrchestratorOn(PrivateRedis redis, String name, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("WORKFLOW_STORE", "redis");
        all.put("REDIS_URL", redis.url());
        return startInstance(name, "orchestrator", all,
                List.of("--orchestrator.workflows.lease=3s", "--orchestrator.workflows.recovery-interval=1s"));
    }

    /** Starts one more instance as {@link #startInstance} does, without waiting for it: its process. */
    Process launch(String name, String of, Map<String, String> env, List<String> args) {
        Service base = services.get(of);
        Map<String, String> wiring = new LinkedHashMap<>(base.env());
        wiring.putAll(env);
        List<String> arguments = new ArrayList<>(base.args());
        arguments.addAll(args);
        services.put(name, new Service(name, base.module(), FreePorts.next(), base.healthPath(), List.copyOf(arguments),
                Map.copyOf(wiring)));
        start(name);
        return processes.get(name);
    }

    /**
     * Starts only the services named, wave by wave as fleet.conf orders them, each with {@code env} added to its
     * wiring: the part of the fleet a test needs, e.g. exporting its spans to the test.
     */
    void startOnly(List<String> names, Map<String, String> env) {
        for (List<String> wave : table.waves()) {
            List<String> now = wave.stream().filter(names::contains).toList();
            for (String name : now) {
                Service base = services.get(name);
                Map<String, String> wiring = new LinkedHashMap<>(base.env());
                wiring.putAll(env);
                services.put(name, new Service(name, base.module(), base.port(), base.healthPath(), base.args(),
                        Map.copyOf(wiring)));
                start(name);
            }
            now.forEach(this::awaitHealthy);
        }
    }

    /** A service's whole log. */
    static String logOf(String name) {
        try {
            return Files.readString(LOGS.resolve(name + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startAll() {
        try {
            Files.createDirectories(LOGS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (List<String> wave : table.waves()) {
            wave.forEach(this::start);
            wave.forEach(this::awaitHealthy);
        }
    }

    /** Starts one service's JVM. */
    void start(String name) {
        Service service = services.get(name);
        Path jar = RepoFiles.ROOT.resolve(service.module()).resolve("target")
                .resolve(service.module() + "-1.0.0-SNAPSHOT-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the fleet first (./mvnw package, or ./fleet test)");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(table.jvmOptions());
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + service.port(),
                "--server.shutdown=immediate"));
        command.addAll(service.args());
        try {
            Files.createDirectories(LOGS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOGS.resolve(name + ".log").toFile()));
        // none of the machine's keys: a service gets only the ones its wiring names
        List.of("OPENAI_API_KEY", "AGENT_API_KEY", "ORCHESTRATOR_API_KEY", "SALES_CHAT_API_KEY", "MCP_API_KEY",
                "SPRING_PROFILES_ACTIVE").forEach(builder.environment()::remove);
        builder.environment().putAll(service.env());
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
            killNow(process);
        }
    }

    /** SIGKILL, and the wait until the process is gone. */
    static void killNow(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
