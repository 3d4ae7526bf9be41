package com.autoretail.e2e;

import com.autoretail.mcpstubs.Stub;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.autoretail.e2e.RepoFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fleet.conf} is the one definition of the fleet's services (name, module, port, health path, arguments)
 * and of its JVM options; what still writes them down again must agree with it: the compose file, the
 * Dockerfile's JVM options, the service tables of the README and of docs/CONTRACT.md, each module's
 * {@code server.port} (the MCP stubs': the port their {@code --stub} picks) and the localhost URLs by which the
 * modules' configuration finds each other.
 */
class FleetTableTest {

    private static final Path ROOT = RepoFiles.ROOT;
    private static final FleetTable TABLE = FleetTable.read();
    private static final Pattern SERVER_PORT = Pattern.compile("(?m)^server:\\s*\\n(?:\\s+#.*\\n)*\\s+port:\\s*(\\d+)");
    private static final Pattern LOCAL_URL = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):http://localhost:(\\d+)[^}]*}");
    private static final String STUB = "--stub=";

    private static Map<String, Map<String, Object>> composeServices() {
        // the fleet's services, without the infrastructure they use (Redis, Jaeger, Prometheus, Grafana)
        Map<String, Map<String, Object>> services = new LinkedHashMap<>(RepoFiles.composeServices());
        services.values().removeIf(RepoFiles::infrastructure);
        return services;
    }

    /** The services compose publishes on the host; the others answer inside its network only. */
    private static final Set<String> PUBLISHED = Set.of("orchestrator", "sales");

    @Test
    void composeRunsEveryServiceOfTheTableOnItsPortWithItsHealthCheckAndArguments() {
        Map<String, Map<String, Object>> compose = composeServices();

        assertThat(compose.keySet()).containsExactlyInAnyOrderElementsOf(TABLE.names());
        for (FleetTable.Service service : TABLE.services()) {
            Map<String, Object> container = compose.get(service.name());
            String name = "compose " + service.name();
            assertThat(((Map<?, ?>) ((Map<?, ?>) container.get("build")).get("args")).get("MODULE"))
                    .as(name + " MODULE").isEqualTo(service.module());
            // only the back office's and the customers' entry points leave the compose network
            assertThat(container.get("ports")).as(name + " ports").isEqualTo(PUBLISHED.contains(service.name())
                    ? List.of(service.port() + ":" + service.port()) : null);
            assertThat(((Map<?, ?>) container.get("healthcheck")).get("test")).as(name + " healthcheck")
                    .isEqualTo(List.of("CMD", "curl", "-fsS", "http://localhost:" + service.port()
                            + service.healthPath()));
            assertThat(container.getOrDefault("command", List.of())).as(name + " command").isEqualTo(service.args());
        }
    }

    @Test
    void everyModuleListensOnItsPortInTheTable() {
        for (FleetTable.Service service : TABLE.services()) {
            if (service.module().equals("mcp-stubs")) {
                continue;
            }
            Path yaml = ROOT.resolve(service.module()).resolve("src/main/resources/application.yml");
            Matcher port = SERVER_PORT.matcher(read(yaml));
            assertThat(port.find()).as(yaml + " sets server.port").isTrue();
            assertThat(Integer.parseInt(port.group(1))).as(yaml + " server.port").isEqualTo(service.port());
        }
    }

    @Test
    void everyMcpStubIsInTheTableOnThePortItsStubPicks() {
        Map<String, Integer> stubPorts = new HashMap<>();
        TABLE.services().stream().filter(service -> service.module().equals("mcp-stubs")).forEach(service -> {
            assertThat(service.args()).as(service.name() + " picks its stub").anyMatch(arg -> arg.startsWith(STUB));
            service.args().stream().filter(arg -> arg.startsWith(STUB))
                    .forEach(arg -> stubPorts.put(arg.substring(STUB.length()), service.port()));
        });

        Map<String, Integer> defaults = Arrays.stream(Stub.values())
                .collect(Collectors.toMap(Stub::key, Stub::defaultPort));
        assertThat(stubPorts).as("--stub=key → port in fleet.conf, against mcp-stubs' Stub")
                .containsExactlyInAnyOrderEntriesOf(defaults);
    }

    @Test
    void theModulesDefaultUrlsOfEachOtherUseTheTablePorts() {
        // which service each variable points at, as the compose file wires them
        Map<String, String> serviceOfVariable = new HashMap<>();
        composeServices().values().forEach(container -> {
            if (container.get("environment") instanceof Map<?, ?> environment) {
                environment.forEach((key, value) -> {
                    if (String.valueOf(value).startsWith("http://")) {
                        serviceOfVariable.put(String.valueOf(key), URI.create(String.valueOf(value)).getHost());
                    }
                });
            }
        });
        List<String> checked = new ArrayList<>();
        TABLE.services().stream().map(FleetTable.Service::module).distinct().forEach(module -> {
            Matcher url = LOCAL_URL.matcher(configurationOf(module));
            while (url.find()) {
                String variable = url.group(1);
                assertThat(serviceOfVariable).as(module + ": compose sets " + variable).containsKey(variable);
                assertThat(Integer.parseInt(url.group(2))).as(module + " " + variable + "'s default port")
                        .isEqualTo(TABLE.service(serviceOfVariable.get(variable)).port());
                checked.add(variable);
            }
        });
        assertThat(checked).as("the defaults found").contains("PAYMENT_MCP_ENDPOINT", "PARTS_SERVICE_URL",
                "INVENTORY_SERVICE_URL");
    }

    @Test
    void theReadmeAndTheContractListEveryModuleWithItsPorts() {
        Map<String, String> portsOfModule = new LinkedHashMap<>();
        TABLE.services().forEach(service -> portsOfModule.merge(service.module(), String.valueOf(service.port()),
                (ports, port) -> ports + ", " + port));

        for (String doc : List.of("README.md", "docs/CONTRACT.md")) {
            Map<String, String> listed = serviceTable(read(doc));
            listed.forEach((module, ports) -> {
                if (!portsOfModule.containsKey(module)) {
                    assertThat(ports).as(doc + ": " + module + " is no service of fleet.conf").isEqualTo("–");
                }
            });
            portsOfModule.forEach((module, ports) -> assertThat(listed.get(module))
                    .as(doc + ": the ports of " + module).isEqualTo(ports));
        }
    }

    @Test
    void theReadmeDiagramShowsEveryPort() {
        String readme = read("README.md");
        int start = readme.indexOf("```\n") + 4;
        String diagram = readme.substring(start, readme.indexOf("```\n", start));

        TABLE.services().forEach(service -> assertThat(diagram).as("the diagram shows " + service.name())
                .contains(":" + service.port()));
    }

    @Test
    void theContainersTakeTheTableJvmOptionsWithTheHeapSizedByTheirMemoryLimit() {
        Matcher options = Pattern.compile("(?m)^ENV JAVA_TOOL_OPTIONS=\"([^\"]*)\"")
                .matcher(read("docker/Dockerfile"));
        assertThat(options.find()).as("docker/Dockerfile sets JAVA_TOOL_OPTIONS").isTrue();
        List<String> inContainers = List.of(options.group(1).split("\\s+"));

        UnaryOperator<String> heap = option -> option.startsWith("-Xmx")
                || option.startsWith("-XX:MaxRAMPercentage=") ? "(the heap's size)" : option;
        assertThat(TABLE.jvmOptions()).as("fleet.conf's jvm-options").anyMatch(option -> option.startsWith("-Xmx"));
        assertThat(inContainers).as("the Dockerfile's heap").anyMatch(o -> o.startsWith("-XX:MaxRAMPercentage="));
        assertThat(inContainers.stream().map(heap).toList()).as("the Dockerfile's JVM options but the heap's size")
                .containsExactlyElementsOf(TABLE.jvmOptions().stream().map(heap).toList());
    }

    /**
     * The containers make and use the AOT cache as {@code ./fleet} does: one training run with fleet.conf's
     * {@code aot-training} options and the service's arguments, then every start with {@code -XX:AOTCache}; and
     * the optimizing compiler is on (no {@code -XX:TieredStopAtLevel}), the cache being what keeps the start fast.
     */
    @Test
    void theContainersTrainTheirAotCacheAsTheFleetDoesAndStartWithIt() {
        String dockerfile = read("docker/Dockerfile");
        Matcher training = Pattern.compile("(?m)^\\s*java (.*)-XX:AOTCacheOutput=app\\.aot -jar app\\.jar "
                + "\\$\\{TRAINING_ARGS}").matcher(dockerfile);
        assertThat(training.find()).as("docker/Dockerfile trains app.aot on app.jar").isTrue();
        assertThat(List.of(training.group(1).strip().split("\\s+"))).as("the Dockerfile's training options")
                .containsExactlyElementsOf(TABLE.aotTraining());
        assertThat(dockerfile).contains("ENTRYPOINT [\"java\", \"-XX:AOTCache=app.aot\", \"-jar\", \"app.jar\"]");
        assertThat(TABLE.aotTraining()).contains("-Dspring.context.exit=onRefresh");
        assertThat(TABLE.jvmOptions()).noneMatch(option -> option.startsWith("-XX:TieredStopAtLevel"));

        composeServices().forEach((name, container) -> {
            Object args = ((Map<?, ?>) ((Map<?, ?>) container.get("build")).get("args")).get("TRAINING_ARGS");
            assertThat(args == null ? List.of() : List.of(String.valueOf(args).split("\\s+")))
                    .as("compose " + name + " trains with its arguments (TRAINING_ARGS)")
                    .isEqualTo(TABLE.service(name).args());
        });
    }

    /** Every YAML file of a module's main resources, one after the other. */
    private static String configurationOf(String module) {
        try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/resources"))) {
            return files.filter(file -> file.toString().endsWith(".yml")).map(RepoFiles::read)
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The service table of a Markdown document ({@code | service | key in plans | port | ...}): module → ports. */
    private static Map<String, String> serviceTable(String markdown) {
        Map<String, String> rows = new LinkedHashMap<>();
        int start = markdown.indexOf("| service | key in plans | port |");
        assertThat(start).as("a service table").isNotNegative();
        for (String line : markdown.substring(start).lines().skip(2).toList()) {
            if (!line.startsWith("|")) {
                break;
            }
            String[] cells = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
            rows.put(cells[1].replace("*", ""), cells[3]);
        }
        return rows;
    }
}
