package com.autoretail.e2e;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The repository's files that the checks of the container files and of fleet.conf read. */
final class RepoFiles {

    /** The repository's root: the suite runs in {@code fleet-e2e/}. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private RepoFiles() {
    }

    /** A file's text, by its path from the repository's root. */
    static String read(String path) {
        return read(ROOT.resolve(path));
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + path, e);
        }
    }

    /** docker-compose.yml's services by name, each as its YAML map. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> composeServices() {
        Map<String, Object> compose = new Yaml().load(read("docker-compose.yml"));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    /**
     * Whether a compose service is infrastructure the fleet uses (Redis, Jaeger, Prometheus, Grafana): a published
     * image, where the fleet's own services are built from the repository.
     */
    static boolean infrastructure(Map<String, Object> service) {
        return service.get("image") != null && service.get("build") == null;
    }
}
