package com.autoretail.e2e;

import com.autoretail.mcpstubs.Stub;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of the container stack without a Docker engine: the compose file parses and names every
 * service module, its ports and URLs agree with the services' own configuration, every variable it reads is
 * one the services read, and the Dockerfile's argument and paths exist.
 */
class ContainerFilesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern SERVER_PORT = Pattern.compile("(?m)^server:\\s*\\n\\s+port:\\s*(\\d+)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::-[^}]*)?}");

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + path, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() {
        Map<String, Object> compose = new Yaml().load(read(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    private static String module(Map<String, Object> service) {
        Object build = service.get("build");
        if (!(build instanceof Map<?, ?> map) || !(map.get("args") instanceof Map<?, ?> args)) {
            return null;
        }
        return (String) args.get("MODULE");
    }

    private static List<String> reactorModules() {
        String pom = read(ROOT.resolve("pom.xml"));
        // the reactor's own modules; those of profiles (the benchmarks) are not services
        String reactor = pom.substring(0, pom.contains("<profiles>") ? pom.indexOf("<profiles>") : pom.length());
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(reactor);
        List<String> modules = new ArrayList<>();
        while (module.find()) {
            modules.add(module.group(1));
        }
        return modules;
    }

    /** The port a service listens on by its own configuration. */
    private static int configuredPort(String module, Map<String, Object> service) {
        if (module.equals("mcp-stubs")) {
            String stub = String.valueOf(((List<?>) service.get("command")).get(0)).replace("--stub=", "");
            return Stub.of(stub).defaultPort();
        }
        Matcher port = SERVER_PORT.matcher(read(ROOT.resolve(module).resolve("src/main/resources/application.yml")));
        assertThat(port.find()).as(module + " sets server.port").isTrue();
        return Integer.parseInt(port.group(1));
    }

    @Test
    void composeNamesEveryServiceModule() {
        Set<String> inCompose = new HashSet<>();
        services().values().forEach(service -> {
            if (module(service) != null) {
                inCompose.add(module(service));
            }
        });

        List<String> serviceModules = reactorModules().stream()
                .filter(module -> !module.equals("agent-common") && !module.equals("fleet-e2e")).toList();
        assertThat(inCompose).containsExactlyInAnyOrderElementsOf(serviceModules);
        assertThat(services()).containsKeys("redis", "payment-mcp", "repair-orders-mcp", "parts-mcp", "inventory",
                "payment", "repair-orders", "parts", "sales", "orchestrator");
    }

    @Test
    void portsAndHealthchecksAgreeWithTheServicesConfiguration() {
        services().forEach((name, service) -> {
            String module = module(service);
            if (module == null) {
                return;
            }
            int port = configuredPort(module, service);
            assertThat(String.valueOf(service.get("ports"))).as(name + " ports").isEqualTo("[" + port + ":" + port + "]");
            String healthcheck = String.valueOf(((Map<?, ?>) service.get("healthcheck")).get("test"));
            assertThat(healthcheck).as(name + " healthcheck").contains("http://localhost:" + port + "/");
            assertThat(service.get("mem_limit")).as(name + " has a memory limit").isNotNull();
        });
    }

    @Test
    void urlsBetweenServicesPointAtServicesAndTheirPorts() {
        Map<String, Map<String, Object>> services = services();
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
                assertThat(configuredPort(module(target), target)).as(name + " " + key + " port")
                        .isEqualTo(uri.getPort());
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
        services().forEach((name, service) -> {
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
        String example = read(ROOT.resolve(".env.example"));
        Matcher variable = VARIABLE.matcher(read(ROOT.resolve("docker-compose.yml")));
        while (variable.find()) {
            assertThat(example).as(".env.example lists " + variable.group(1)).contains(variable.group(1) + "=");
        }
    }

    @Test
    void dockerfileTakesTheModuleAndItsPathsExist() {
        String dockerfile = read(ROOT.resolve("docker/Dockerfile"));

        assertThat(dockerfile).contains("ARG MODULE", "${MODULE}/target/${MODULE}-1.0.0-SNAPSHOT-exec.jar",
                "FROM eclipse-temurin:21-jre", "./mvnw");
        assertThat(read(ROOT.resolve("pom.xml"))).contains("<version>1.0.0-SNAPSHOT</version>");
        assertThat(ROOT.resolve("mvnw")).isExecutable();
        assertThat(ROOT.resolve(".mvn/wrapper/maven-wrapper.properties")).isRegularFile();
        services().values().stream().map(ContainerFilesTest::module).filter(m -> m != null).forEach(module ->
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
