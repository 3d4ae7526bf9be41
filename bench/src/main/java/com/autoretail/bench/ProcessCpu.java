package com.autoretail.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CPU time (user + system) the fleet's processes spent, read from {@code /proc/<pid>/stat} on Linux: the
 * services' JVMs and Redis as {@code ./fleet bench} names them ({@code --pids=name:pid,...}), and the load
 * generator's own JVM. Where {@code /proc} is not there, or no process was named, it measures nothing and says so.
 */
final class ProcessCpu {

    /** Clock ticks per second of {@code /proc}'s times: 100 on every Linux the fleet runs on (USER_HZ). */
    private static final double TICKS_PER_SECOND = 100;
    static final String LOAD_GENERATOR = "load generator";

    private final Map<String, Long> pids;

    private ProcessCpu(Map<String, Long> pids) {
        this.pids = pids;
    }

    /** From {@code name:pid,...}; blank: none. The load generator (this JVM) is always added. */
    static ProcessCpu of(String names) {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (names != null) {
            for (String entry : names.split(",")) {
                int colon = entry.lastIndexOf(':');
                if (colon > 0) {
                    pids.put(entry.substring(0, colon), Long.parseLong(entry.substring(colon + 1).trim()));
                }
            }
        }
        pids.put(LOAD_GENERATOR, ProcessHandle.current().pid());
        return new ProcessCpu(pids);
    }

    /** Each process's CPU seconds so far; a process that cannot be read is left out. */
    Map<String, Double> seconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            try {
                seconds.put(name, cpuSeconds(Path.of("/proc", String.valueOf(pid), "stat")));
            } catch (IOException | RuntimeException e) {
                // not Linux, or the process is gone: not measured
            }
        });
        return seconds;
    }

    /**
     * The CPU seconds so far of the services' JIT compiler threads (HotSpot's "C1 CompilerThreadN" and "C2
     * CompilerThreadN", {@code /proc/<pid>/task/<tid>/comm}), summed over the services, the load generator left out.
     * A compiler thread HotSpot ends while idle takes its time with it, so this can only fall short, by the CPU such
     * a thread spent since the last reading.
     */
    double compilerSeconds() {
        double all = 0;
        for (Map.Entry<String, Long> process : pids.entrySet()) {
            if (process.getKey().equals(LOAD_GENERATOR)) {
                continue;
            }
            try (var tasks = Files.list(Path.of("/proc", String.valueOf(process.getValue()), "task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        if (Files.readString(task.resolve("comm")).matches("C[12] CompilerThre.*\\s*")) {
                            all += cpuSeconds(task.resolve("stat"));
                        }
                    } catch (IOException | RuntimeException e) {
                        // the thread ended between the listing and the reading
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux, or the process is gone: not measured
            }
        }
        return all;
    }

    /** utime + stime of a {@code /proc} stat file, in seconds. */
    private static double cpuSeconds(Path stat) throws IOException {
        String line = Files.readString(stat);
        // after "pid (command) ": state is field 3, utime field 14 and stime field 15
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /** The services' CPU seconds so far, summed, the load generator left out. */
    double servicesSeconds() {
        Map<String, Double> each = seconds();
        each.remove(LOAD_GENERATOR);
        return each.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * "orchestrator 3.10 ms, parts 1.20 ms, ...; all 9.80 ms": the CPU each process spent between two readings per
     * unit of work, or null when nothing was measured.
     */
    static String perUnit(Map<String, Double> before, Map<String, Double> after, double units) {
        if (units <= 0) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        double all = 0;
        for (Map.Entry<String, Double> end : after.entrySet()) {
            Double begin = before.get(end.getKey());
            if (begin != null) {
                double ms = (end.getValue() - begin) * 1000 / units;
                all += ms;
                parts.add(String.format(Locale.ROOT, "%s %.2f ms", end.getKey(), ms));
            }
        }
        return parts.isEmpty() ? null
                : String.join(", ", parts) + String.format(Locale.ROOT, "; all %.2f ms", all);
    }
}
