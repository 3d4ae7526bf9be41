package com.autoretail.e2e;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * The fleet's service table and JVM options as {@code fleet.conf} at the repository's root defines them for
 * {@code ./fleet} and for this suite: {@code jvm-options = ...}, {@code aot-training = ...} (the extra options of
 * the run that trains a module's AOT cache) and one {@code service = name | module | port | health path | wave |
 * arguments} line per service.
 */
record FleetTable(List<String> jvmOptions, List<String> aotTraining, List<Service> services) {

    /** One service as {@code ./fleet up} starts it. */
    record Service(String name, String module, int port, String healthPath, int wave, List<String> args) {
    }

    static FleetTable read() {
        List<String> jvmOptions = List.of();
        List<String> aotTraining = List.of();
        List<Service> services = new ArrayList<>();
        for (String line : RepoFiles.read("fleet.conf").lines().toList()) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            int equals = text.indexOf('=');
            String key = equals < 0 ? text : text.substring(0, equals).strip();
            String value = equals < 0 ? "" : text.substring(equals + 1).strip();
            switch (key) {
                case "jvm-options" -> jvmOptions = words(value);
                case "aot-training" -> aotTraining = words(value);
                case "service" -> services.add(parseService(value));
                default -> throw new IllegalStateException("fleet.conf: an unknown line: " + line);
            }
        }
        return new FleetTable(jvmOptions, aotTraining, List.copyOf(services));
    }

    private static Service parseService(String value) {
        String[] columns = Arrays.stream(value.split("\\|", -1)).map(String::strip).toArray(String[]::new);
        if (columns.length != 6) {
            throw new IllegalStateException("fleet.conf: a service line has 6 columns, not: " + value);
        }
        return new Service(columns[0], columns[1], Integer.parseInt(columns[2]), columns[3],
                Integer.parseInt(columns[4]), words(columns[5]));
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.split("\\s+"));
    }

    List<String> names() {
        return services.stream().map(Service::name).toList();
    }

    Service service(String name) {
        return services.stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("fleet.conf names no service " + name));
    }

    /** The services' names wave by wave: a wave starts once the one before it is healthy. */
    List<List<String>> waves() {
        TreeMap<Integer, List<String>> waves = new TreeMap<>();
        services.forEach(service -> waves.computeIfAbsent(service.wave(), wave -> new ArrayList<>())
                .add(service.name()));
        return List.copyOf(waves.values());
    }
}
