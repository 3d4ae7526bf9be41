package com.autoretail.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.autoretail.e2e.RepoFiles.composeServices;
import static com.autoretail.e2e.RepoFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of the container stack without a Docker engine: the compose file parses and names every
 * service module, its URLs point at services and their ports, every variable it reads is one the services read,
 * and the Dockerfile's argument and paths exist. Its services, ports and health checks against fleet.conf:
 * {@link FleetTableTest}.
 */
class ContainerFilesTest {

    private static final Path ROOT = RepoFiles.ROOT;
    private static final FleetTable TABLE = FleetTable.read();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::-[^}]*)?}");

    private static String module(Map<String, Object> service) {
        Object build = service.get("build");
        if (!(build instanceof Map<?, ?> map) || !(map.get("args") instanceof Map<?, ?> args)) {
            return null;
        }
        return (String) args.get("MODULE");
    }

    /** The reactor's modules that build a runnable jar: the services (not the library, the tests, the benchmarks). */
    private static List<String> serviceModules() {
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(read("pom.xml"));
        List<String> modules = new ArrayList<>();
        while (module.find()) {
            if (read(module.group(1) + "/pom.xml").contains("spring-boot-maven-plugin")) {
                modules.add(module.group(1));
            }
        }
        return modules;
    }

    @Test
    void composeNamesEveryServiceModule() {
        Set<String> inCompose = new HashSet<>();
        composeServices().values().forEach(service -> {
            if (module(service) != null) {
                inCompose.add(module(service));
            }
        });

        assertThat(inCompose).containsExactlyInAnyOrderElementsOf(serviceModules());
        assertThat(composeServices()).containsKey("redis");
    }

    /**
     * The stock lives in a Redis of its own that persists and never evicts; the Redis of sessions, idempotency
     * records and workflows is bounded and evicts only keys with a TTL, so a running workflow (no TTL) stays. Neither
     * is published on the host, and every service but the inventory uses the shared one.
     */
    @Test
    void stockLivesInItsOwnRedisThatNeverEvictsWhileTheOtherIsBounded() {
        Map<String, Map<String, Object>> services = composeServices();
        List<?> stock = (List<?>) services.get("inventory-redis").get("command");
        List<?> shared = (List<?>) services.get("redis").get("command");

        assertThat(String.join(" ", stock.stream().map(String::valueOf).toList()))
                .contains("--appendonly yes", "--maxmemory-policy noeviction");
        assertThat(String.join(" ", shared.stream().map(String::valueOf).toList()))
                .contains("--appendonly yes", "--maxmemory ", "--maxmemory-policy volatile-");
        assertThat(services.get("redis").get("ports")).isNull();
        assertThat(services.get("inventory-redis").get("ports")).isNull();
        services.forEach((name, service) -> {
            if (service.get("environment") instanceof Map<?, ?> environment && environment.containsKey("REDIS_URL")) {
                assertThat(environment.get("REDIS_URL")).as(name + " REDIS_URL").isEqualTo(name.equals("inventory")
                        ? "redis://inventory-redis:6379" : "redis://redis:6379");
            }
        });
        assertThat(((Map<?, ?>) services.get("inventory").get("depends_on")).keySet().stream().map(String::valueOf))
                .containsExactly("inventory-redis");
    }

    @Test
    void everyServiceHasAMemoryLimit() {
        composeServices().forEach((name, service) ->
                assertThat(service.get("mem_limit")).as(name + " has a memory limit").isNotNull());
    }

    @Test
    void urlsBetweenServicesPointAtServicesAndTheirPorts() {
        Map<String, Map<String, Object>> services = composeServices();
        services.forEach((name, service) -> {
            if (!(service.get("environment") instanceof Map<?, ?> environment)) {
                return;
            }
            environment.forEach((key, value) -> {
                String text = String.valueOf(value);
                if (!text.startsWith("http://")) {
                    return;
                }
                URI uri = URI.create(text);
                Map<String, Object> target = services.get(uri.getHost());
                assertThat(target).as(name + " " + key + " names a compose service").isNotNull();
                if (RepoFiles.infrastructure(target)) {
                    return;   // Jaeger's OTLP port is Jaeger's, not the fleet's
                }
                assertThat(uri.getPort()).as(name + " " + key + " port, by fleet.conf")
                        .isEqualTo(TABLE.service(uri.getHost()).port());
            });
            Object dependsOn = service.get("depends_on");
            if (dependsOn instanceof Map<?, ?> dependencies) {
                dependencies.forEach((dependency, condition) -> {
                    assertThat(services).as(name + " depends on a service").containsKey(String.valueOf(dependency));
                    assertThat(String.valueOf(condition)).contains("service_healthy");
                });
            }
        });
    }

    @Test
    void everyVariableTheComposeFileSetsIsReadByItsService() {
        composeServices().forEach((name, service) -> {
            String module = module(service);
            if (module == null || !(service.get("environment") instanceof Map<?, ?> environment)) {
                return;
            }
            String sources = sourcesOf(module) + sourcesOf("agent-common");
            environment.keySet().forEach(key -> assertThat(sources)
                    .as(name + " reads " + key).contains(String.valueOf(key)));
        });
    }

    @Test
    void composeReadsOnlyVariablesTheExampleEnvironmentLists() {
        String example = read(".env.example");
        Matcher variable = VARIABLE.matcher(read("docker-compose.yml"));
        while (variable.find()) {
            assertThat(example).as(".env.example lists " + variable.group(1)).contains(variable.group(1) + "=");
        }
    }

    /**
     * Compose runs Jaeger and has every service export to it, and Grafana is provisioned with the dashboard in the
     * repository, whose queries ask Prometheus for metrics that the README lists and that Prometheus scrapes from
     * every service of the fleet but the MCP stubs.
     */
    @Test
    void tracesGoToJaegerAndTheDashboardShowsMetricsTheReadmeLists() throws IOException {
        Map<String, Map<String, Object>> services = composeServices();
        assertThat(services).containsKeys("jaeger", "prometheus", "grafana");
        services.forEach((name, service) -> {
            if (module(service) != null) {
                assertThat(((Map<?, ?>) service.get("environment")).get("OTEL_EXPORTER_OTLP_ENDPOINT"))
                        .as(name + " exports its spans to Jaeger").isEqualTo("http://jaeger:4318");
            }
        });
        assertThat(String.valueOf(services.get("grafana").get("volumes")))
                .contains("./docker/grafana/provisioning:", "./docker/grafana/dashboards:");
        String prometheus = read("docker/prometheus/prometheus.yml");
        TABLE.services().stream().filter(service -> !service.module().equals("mcp-stubs")).forEach(service ->
                assertThat(prometheus).as("Prometheus scrapes " + service.name())
                        .contains("\"" + service.name() + ":" + service.port() + "\""));

        var dashboard = new ObjectMapper()
                .readTree(read("docker/grafana/dashboards/fleet.json"));
        Matcher metric = Pattern.compile("\\b([a-z][a-z0-9_]*_(?:total|seconds|state))(?:_bucket|_count)?\\b")
                .matcher(dashboard.findValuesAsText("expr").toString());
        Set<String> queried = new HashSet<>();
        while (metric.find()) {
            queried.add(metric.group(1));
        }
        assertThat(queried).contains("workflow_outcomes_total", "orchestrator_step_seconds",
                "resilience4j_circuitbreaker_state", "idempotency_replays_total", "workflow_llm_tokens_total");
        String readme = read("README.md");
        queried.stream().filter(name -> !name.startsWith("http_server"))
                .forEach(name -> assertThat(readme).as("the README lists " + name).contains("`" + name + "`"));
    }

    @Test
    void dockerfileTakesTheModuleAndItsPathsExist() {
        String dockerfile = read("docker/Dockerfile");

        assertThat(dockerfile).contains("ARG MODULE", "${MODULE}/target/${MODULE}-1.0.0-SNAPSHOT-exec.jar",
                "FROM eclipse-temurin:25-jdk AS build", "FROM eclipse-temurin:25-jre", "./mvnw");
        assertThat(read("pom.xml")).contains("<version>1.0.0-SNAPSHOT</version>");
        assertThat(ROOT.resolve("mvnw")).isExecutable();
        assertThat(ROOT.resolve(".mvn/wrapper/maven-wrapper.properties")).isRegularFile();
        composeServices().values().stream().map(ContainerFilesTest::module).filter(m -> m != null).forEach(module ->
                assertThat(ROOT.resolve(module).resolve("pom.xml")).as(module).isRegularFile());
    }

    private static String sourcesOf(String module) {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main"))) {
            files.filter(Files::isRegularFile).forEach(file -> all.append(read(file)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return all.toString();
    }
}
