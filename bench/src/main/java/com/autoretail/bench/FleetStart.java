package com.autoretail.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 5. Fleet start: the seconds {@code ./fleet up} took from its first JVM to all nine healthy (the jars built and the
 * AOT caches trained beforehand), and the nine JVMs' summed resident memory ({@code ps -o rss}) after the demo, both
 * measured by {@code ./fleet bench}; beside them, when measured in the same run, the same two figures for the fleet
 * started as it was before the AOT cache: C1 only ({@code -XX:TieredStopAtLevel=1}), the runnable jars, no cache.
 */
final class FleetStart {

    static final String COMMAND = "./fleet bench start";
    private static final double TARGET_SECONDS = 20;
    private static final double TARGET_GIB = 2;
    private static final double KIB_PER_GIB = 1024 * 1024;

    private FleetStart() {
    }

    /**
     * The fleet as {@code ./fleet up} started it, once.
     *
     * @param seconds    {@code ./fleet up} to all healthy
     * @param rssKib     the summed RSS after the demo
     * @param perService {@code name=kib} of each JVM after the demo
     * @param jvmOptions the JVM options it ran with
     */
    record Start(double seconds, long rssKib, String perService, String jvmOptions) {

        double gib() {
            return rssKib / KIB_PER_GIB;
        }
    }

    /**
     * @param now          the fleet as {@code ./fleet up} starts it
     * @param before       the fleet started the old way in the same run, or {@code null} when not measured
     * @param afterLoadKib the sum again after the load benchmarks, or 0 when they did not run
     */
    static List<Result> record(Start now, Start before, long afterLoadKib) {
        String at = Instant.now().toString();
        List<String> start = new ArrayList<>(List.of(String.format(Locale.ROOT, "the whole `./fleet up` command with "
                + "the jars built and the AOT caches trained beforehand: %.1f s until all nine answer their readiness "
                + "probe (3 waves: the MCP stubs and inventory, then the agents, then the orchestrator)",
                now.seconds())));
        List<String> memory = new ArrayList<>(List.of(
                String.format(Locale.ROOT, "summed resident memory of the 9 JVMs after `./fleet demo`'s requests: "
                        + "**%.2f GiB** (%d MiB)", now.gib(), now.rssKib() / 1024),
                "per JVM (MiB): " + perMiB(now.perService()),
                "the fleet's JVM options: `" + now.jvmOptions() + "`, each JVM with its module's AOT cache "
                        + "(`-XX:AOTCache`) on a JDK 25 or newer"));
        if (before != null) {
            start.add(String.format(Locale.ROOT, "**before**, in the same run: %.1f s with `%s` (C1 only), the "
                    + "runnable jars and no AOT cache: %.2f× the time", before.seconds(), before.jvmOptions(),
                    now.seconds() / before.seconds()));
            memory.add(String.format(Locale.ROOT, "**before**, in the same run (C1 only, no AOT cache): %.2f GiB; "
                    + "per JVM (MiB): %s", before.gib(), perMiB(before.perService())));
        }
        if (afterLoadKib > 0) {
            memory.add(String.format(Locale.ROOT, "after the load benchmarks (2 and 3) on the same JVMs: %.2f GiB",
                    afterLoadKib / KIB_PER_GIB));
        }
        return List.of(
                new Result("5a", "Fleet start: `./fleet up` to all 9 healthy, pre-built, with C2",
                        String.format(Locale.ROOT, "%.1f s", now.seconds()) + beforeFigure(before == null ? null
                                : String.format(Locale.ROOT, "%.1f s", before.seconds())),
                        String.format(Locale.ROOT, "≤ %.0f s", TARGET_SECONDS), now.seconds() <= TARGET_SECONDS,
                        COMMAND, start, at),
                new Result("5b", "Fleet memory: summed RSS of the 9 JVMs after the demo",
                        String.format(Locale.ROOT, "%.2f GiB", now.gib()) + beforeFigure(before == null ? null
                                : String.format(Locale.ROOT, "%.2f GiB", before.gib())),
                        String.format(Locale.ROOT, "≤ %.0f GiB", TARGET_GIB), now.gib() <= TARGET_GIB, COMMAND,
                        memory, at));
    }

    private static String beforeFigure(String before) {
        return before == null ? "" : " (before: " + before + ")";
    }

    private static String perMiB(String perService) {
        List<String> parts = new ArrayList<>();
        for (String entry : perService.split(",")) {
            String[] nameKib = entry.split("=");
            if (nameKib.length == 2) {
                parts.add(nameKib[0] + " " + Long.parseLong(nameKib[1].trim()) / 1024);
            }
        }
        return String.join(", ", parts);
    }
}
