package com.autoretail.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 5. Fleet start: the seconds {@code ./fleet up} took from its first JVM to all nine healthy (the jars built
 * beforehand), and the nine JVMs' summed resident memory ({@code ps -o rss}) after the demo, both measured by
 * {@code ./fleet bench}.
 */
final class FleetStart {

    static final String COMMAND = "./fleet bench start";
    private static final double TARGET_SECONDS = 30;
    private static final double TARGET_GIB = 3;
    private static final double KIB_PER_GIB = 1024 * 1024;

    private FleetStart() {
    }

    /**
     * @param perService     {@code name=kib} of each JVM after the demo
     * @param afterLoadKib   the sum again after the load benchmarks, or 0 when they did not run
     */
    static List<Result> record(double seconds, long rssKib, String perService, long afterLoadKib, String jvmOptions) {
        String at = Instant.now().toString();
        double gib = rssKib / KIB_PER_GIB;
        List<String> memory = new ArrayList<>(List.of(
                String.format(Locale.ROOT, "summed resident memory of the 9 JVMs after `./fleet demo`'s requests: "
                        + "**%.2f GiB** (%d MiB)", gib, rssKib / 1024),
                "per JVM (MiB): " + perMiB(perService),
                "the fleet's JVM options: `" + jvmOptions + "`"));
        if (afterLoadKib > 0) {
            memory.add(String.format(Locale.ROOT, "after the load benchmarks (2 and 3) on the same JVMs: %.2f GiB",
                    afterLoadKib / KIB_PER_GIB));
        }
        return List.of(
                new Result("5a", "Fleet start: `./fleet up` to all 9 healthy, pre-built",
                        String.format(Locale.ROOT, "%.1f s", seconds), "≤ 30 s", seconds <= TARGET_SECONDS, COMMAND,
                        List.of(String.format(Locale.ROOT, "the whole `./fleet up` command with the jars already "
                                + "built: %.1f s until all nine answer their readiness probe (3 waves: the MCP stubs "
                                + "and inventory, then the agents, then the orchestrator)", seconds)), at),
                new Result("5b", "Fleet memory: summed RSS of the 9 JVMs after the demo",
                        String.format(Locale.ROOT, "%.2f GiB", gib), "≤ 3 GiB", gib <= TARGET_GIB, COMMAND, memory,
                        at));
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
