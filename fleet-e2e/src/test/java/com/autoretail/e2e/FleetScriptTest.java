package com.autoretail.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code ./fleet up} and {@code ./fleet down} as a user runs them, on two services of the fleet (the parts agent
 * and its MCP server, on fleet.conf's ports): an agent killed with {@code kill -9} is told from a live one and
 * started again at once, while the service that still runs is left alone. The jars are the ones the build just
 * made ({@code FLEET_BUILD=never}), the logs and pids under {@code target/fleet-script}. It fails when those ports are
 * taken (a fleet of the user's runs: stop it first); it is skipped only where there is no {@code /proc}.
 */
class FleetScriptTest {

    private static final List<String> SERVICES = List.of("parts-mcp", "parts");
    private static final Path STATE = Path.of("target", "fleet-script").toAbsolutePath();
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(150);
    private static final FleetTable TABLE = FleetTable.read();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void portsAreFree() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "./fleet tells processes apart by /proc");
        for (String name : SERVICES) {
            int port = TABLE.service(name).port();
            assertThat(listening(port)).as("port %d of %s is taken: a fleet runs here already; this test runs "
                    + "./fleet up on fleet.conf's ports: stop that fleet (./fleet down) and run the tests again", port,
                    name).isFalse();
        }
    }

    @AfterAll
    static void fleetDown() throws Exception {
        fleet("down");
    }

    @Test
    void upRestartsAnAgentKilledWithSignal9AndLeavesTheLiveServiceAlone() throws Exception {
        Run up = fleet(withServices("up"));
        assertThat(up.exitCode()).as(up.output()).isZero();
        long mcp = pid("parts-mcp");
        long killed = pid("parts");
        assertThat(healthy("parts")).isTrue();

        Run kill = run(List.of("kill", "-9", Long.toString(killed)));
        assertThat(kill.exitCode()).as(kill.output()).isZero();
        Run again = fleet(withServices("up"));

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("parts-mcp already running", "parts is not running", "✓ parts ")
                .as("the killed process (a zombie until reaped) is not taken for a live one")
                .doesNotContain("parts still starting", "parts already running");
        assertThat(pid("parts-mcp")).as("the live service is left alone").isEqualTo(mcp);
        long restarted = pid("parts");
        assertThat(restarted).isNotEqualTo(killed);
        assertThat(ProcessHandle.of(restarted)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        assertThat(healthy("parts")).isTrue();

        Run down = fleet("down");
        assertThat(down.exitCode()).as(down.output()).isZero();
        assertThat(down.output()).contains("stopped 2 service(s)");
        for (String name : SERVICES) {
            assertThat(listening(TABLE.service(name).port())).as(name + " stopped").isFalse();
            assertThat(STATE.resolve("pids").resolve(name + ".pid")).doesNotExist();
        }
    }

    private static String[] withServices(String command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(SERVICES);
        return args.toArray(String[]::new);
    }

    private static long pid(String name) throws IOException {
        return Long.parseLong(Files.readString(STATE.resolve("pids").resolve(name + ".pid")).strip());
    }

    private boolean healthy(String name) throws InterruptedException {
        FleetTable.Service service = TABLE.service(name);
        URI uri = URI.create("http://localhost:" + service.port() + service.healthPath());
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private record Run(int exitCode, String output) {
    }

    /** Runs {@code ./fleet} with this test's state directory and jars, without keys or Redis from the shell. */
    private static Run fleet(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", RepoFiles.ROOT.resolve("fleet").toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    private static Run run(List<String> command) throws Exception {
        Files.createDirectories(STATE);
        Path output = Files.createTempFile(STATE, "run-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(RepoFiles.ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().put("FLEET_STATE", STATE.toString());
        builder.environment().put("FLEET_BUILD", "never");
        // the runnable jars as the build made them: no AOT training runs inside this test's time limit
        builder.environment().put("FLEET_AOT", "off");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        List.of("REDIS_URL", "OPENAI_API_KEY", "LLM_BASE_URL", "AGENT_API_KEY").forEach(builder.environment()::remove);
        Process process = builder.start();
        if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " took over " + SCRIPT_TIMEOUT + ":\n" + Files.readString(output));
        }
        return new Run(process.exitValue(), Files.readString(output));
    }
}
