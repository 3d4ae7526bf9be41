package com.autoretail.e2e;

import org.yaml.snakeyaml.Yaml;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The part of kustomize that deploy/kubernetes uses, so that the suite renders the overlays as
 * {@code kubectl apply -k} does without kustomize installed: {@code resources} (files and directories),
 * {@code namespace}, {@code patches} (strategic merge, by kind and name: maps merge, lists of named items merge
 * by name, other lists are replaced), {@code replicas}, {@code images} and {@code secretGenerator} (env files and
 * literals, without the name's hash suffix). A kustomization that uses anything else is refused, so the files
 * cannot drift beyond what is checked. An env file that is not committed (a Secret's keys) is read from its
 * {@code .example}, as a user who copied it would have it.
 */
final class Kustomize {

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "namespace", "resources", "patches",
            "replicas", "images", "secretGenerator");

    private Kustomize() {
    }

    /** The objects {@code kubectl apply -k dir} would apply, each as its YAML map. */
    static List<Map<String, Object>> build(Path dir) {
        Map<String, Object> kustomization = load(dir.resolve("kustomization.yaml")).getFirst();
        if (!SUPPORTED.containsAll(kustomization.keySet())) {
            throw new IllegalStateException(dir + ": kustomization fields beyond what the suite renders: "
                    + kustomization.keySet());
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object resource : list(kustomization.get("resources"))) {
            Path path = dir.resolve(String.valueOf(resource)).normalize();
            objects.addAll(Files.isDirectory(path) ? build(path) : load(path));
        }
        for (Map<String, Object> generator : maps(kustomization.get("secretGenerator"))) {
            objects.add(secret(dir, generator));
        }
        for (Map<String, Object> patch : maps(kustomization.get("patches"))) {
            for (Map<String, Object> change : load(dir.resolve(String.valueOf(patch.get("path"))))) {
                merge(find(objects, (String) change.get("kind"), name(change)), change);
            }
        }
        for (Map<String, Object> replicas : maps(kustomization.get("replicas"))) {
            Map<String, Object> workload = objects.stream().filter(o -> Set.of("Deployment", "StatefulSet")
                    .contains(o.get("kind")) && name(o).equals(replicas.get("name"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException(dir + ": replicas of nothing: " + replicas));
            map(workload, "spec").put("replicas", replicas.get("count"));
        }
        for (Map<String, Object> image : maps(kustomization.get("images"))) {
            setImage(dir, objects, image);
        }
        if (kustomization.get("namespace") instanceof String namespace) {
            objects.forEach(object -> map(object, "metadata").put("namespace", namespace));
        }
        return objects;
    }

    static String name(Map<String, Object> object) {
        return String.valueOf(map(object, "metadata").get("name"));
    }

    private static Map<String, Object> find(List<Map<String, Object>> objects, String kind, String name) {
        List<Map<String, Object>> found = objects.stream()
                .filter(o -> kind.equals(o.get("kind")) && name.equals(name(o))).toList();
        if (found.size() != 1) {
            throw new IllegalStateException("a patch must match one object, " + kind + " " + name + " matches "
                    + found.size());
        }
        return found.getFirst();
    }

    /** Strategic merge, as far as the files use it. */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> target, Map<String, Object> patch) {
        patch.forEach((key, value) -> {
            Object current = target.get(key);
            if (current instanceof Map<?, ?> into && value instanceof Map<?, ?> from) {
                merge((Map<String, Object>) into, (Map<String, Object>) from);
            } else if (current instanceof List<?> into && value instanceof List<?> from && named(into)
                    && named(from)) {
                List<Object> merged = new ArrayList<>(into);
                for (Object item : from) {
                    Map<String, Object> change = (Map<String, Object>) item;
                    merged.stream().map(m -> (Map<String, Object>) m)
                            .filter(m -> Objects.equals(m.get("name"), change.get("name"))).findFirst()
                            .ifPresentOrElse(m -> merge(m, change), () -> merged.add(change));
                }
                target.put(key, merged);
            } else {
                target.put(key, value);
            }
        });
    }

    private static boolean named(List<?> items) {
        return items.stream().allMatch(item -> item instanceof Map<?, ?> map && map.get("name") != null);
    }

    private static void setImage(Path dir, List<Map<String, Object>> objects, Map<String, Object> image) {
        int changed = 0;
        for (Map<String, Object> object : objects) {
            if (!(map(object, "spec").get("template") instanceof Map<?, ?>)) {
                continue;
            }
            for (Map<String, Object> container : maps(map(map(map(object, "spec"), "template"), "spec")
                    .get("containers"))) {
                String current = String.valueOf(container.get("image"));
                int tag = current.lastIndexOf(':');
                String repository = tag > current.lastIndexOf('/') ? current.substring(0, tag) : current;
                if (repository.equals(image.get("name"))) {
                    String newName = (String) image.getOrDefault("newName", repository);
                    String newTag = (String) image.get("newTag");
                    container.put("image", newTag == null && tag > current.lastIndexOf('/')
                            ? newName + current.substring(tag) : newName + (newTag == null ? "" : ":" + newTag));
                    changed++;
                }
            }
        }
        if (changed == 0) {
            throw new IllegalStateException(dir + ": an image no container runs: " + image);
        }
    }

    private static Map<String, Object> secret(Path dir, Map<String, Object> generator) {
        if (!(generator.get("options") instanceof Map<?, ?> options)
                || !Boolean.TRUE.equals(options.get("disableNameSuffixHash"))) {
            throw new IllegalStateException(dir + ": a generated Secret keeps its name (disableNameSuffixHash)");
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (Object env : list(generator.get("envs"))) {
            Path file = dir.resolve(String.valueOf(env));
            if (!Files.isRegularFile(file)) {
                file = dir.resolve(env + ".example");
            }
            RepoFiles.read(file).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(line -> entries.put(line.substring(0, line.indexOf('=')),
                            line.substring(line.indexOf('=') + 1)));
        }
        for (Object literal : list(generator.get("literals"))) {
            String line = String.valueOf(literal);
            entries.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        entries.forEach((key, value) -> data.put(key,
                Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("apiVersion", "v1");
        secret.put("kind", "Secret");
        secret.put("metadata", new LinkedHashMap<>(Map.of("name", generator.get("name"))));
        secret.put("type", "Opaque");
        secret.put("data", data);
        return secret;
    }

    /** Every document of a YAML file, empty ones left out. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> load(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        new Yaml().loadAll(RepoFiles.read(file)).forEach(document -> {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        });
        return documents;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> object, String key) {
        Object value = object.get(key);
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    private static List<?> list(Object value) {
        return value == null ? List.of() : (List<?>) value;
    }
}
