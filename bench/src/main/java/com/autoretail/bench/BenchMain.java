package com.autoretail.bench;

import org.springframework.boot.convert.DurationStyle;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entry point of {@code ./fleet bench}: one command per benchmark, each printing its summary line and
 * appending its result to the run's results file, and {@code report}, which writes {@code docs/BENCHMARKS.md}.
 * Options are {@code --name=value}; the defaults are the fleet's ports on 127.0.0.1.
 *
 * <pre>
 * planner  --corpus=orchestrator-service/src/test/resources/planning --jmh-log=.fleet/bench/jmh.log
 * parallel --latency=100ms
 * overhead --clients=32 --seconds=30
 * holds    --clients=64 --seconds=30 --memory-inventory=http://127.0.0.1:8001 --redis-inventory=http://127.0.0.1:8011
 * start    --seconds=21.5 --rss-kib=1900000 --rss-per-service=a=1,b=2 --rss-after-load-kib=0
 * report   --out=docs/BENCHMARKS.md --command="./fleet bench" --took-seconds=420 --load-average="0.52 0.61 0.70"
 * </pre>
 */
public final class BenchMain {

    private static final String HOST = "http://127.0.0.1:";

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: BenchMain planner|parallel|overhead|holds|start|report [--name=value ...]");
            System.exit(2);
        }
        Map<String, String> options = options(args);
        FleetHttp http = new FleetHttp();
        Results results = new Results(Path.of(option(options, "results", ".fleet/bench/results.jsonl")), http.mapper());
        String jvmOptions = option(options, "jvm-options", "");
        switch (args[0]) {
            case "planner" -> results.append(PlannerBench.run(
                    Path.of(option(options, "corpus", "orchestrator-service/src/test/resources/planning")),
                    Path.of(option(options, "jmh-log", ".fleet/bench/jmh.log"))));
            case "parallel" -> results.append(ParallelBenchmark.run(http, orchestrator(),
                    // read as the agents read AGENT_SIMULATED_LATENCY: 100ms, 0.1s, or seconds without a unit
                    DurationStyle.detectAndParse(option(options, "latency", "100ms"), ChronoUnit.SECONDS),
                    seconds(options, "warmup", 5), seconds(options, "seconds", 20)));
            case "overhead" -> {
                Map<String, String> agents = new LinkedHashMap<>();
                agents.put("repair_orders", HOST + "8084");
                agents.put("parts", HOST + "8085");
                agents.put("payment", HOST + "8083");
                for (Result result : OverheadBenchmark.run(http, orchestrator(), agents, HOST + "8083/health",
                        Integer.parseInt(option(options, "clients", "32")), seconds(options, "warmup", 20),
                        seconds(options, "seconds", 30))) {
                    results.append(result);
                }
            }
            case "holds" -> {
                List<HoldsBenchmark.Target> targets = List.of(
                        new HoldsBenchmark.Target("3a", "memory",
                                option(options, "memory-inventory", HOST + "8001")),
                        new HoldsBenchmark.Target("3b", "Redis",
                                option(options, "redis-inventory", HOST + "8011")));
                for (Result result : HoldsBenchmark.run(http, targets,
                        Integer.parseInt(option(options, "clients", "64")), seconds(options, "warmup", 5),
                        seconds(options, "seconds", 30))) {
                    results.append(result);
                }
            }
            case "start" -> {
                for (Result result : FleetStart.record(Double.parseDouble(option(options, "seconds", "0")),
                        Long.parseLong(option(options, "rss-kib", "0")), option(options, "rss-per-service", ""),
                        Long.parseLong(option(options, "rss-after-load-kib", "0")), jvmOptions)) {
                    results.append(result);
                }
            }
            case "report" -> ReportWriter.write(Path.of(option(options, "out", "docs/BENCHMARKS.md")),
                    results.latest(), option(options, "command", "./fleet bench"),
                    Long.parseLong(option(options, "took-seconds", "0")), jvmOptions,
                    option(options, "load-average", ""));
            default -> {
                System.err.println("unknown benchmark: " + args[0]);
                System.exit(2);
            }
        }
    }

    private static String orchestrator() {
        return HOST + "8086";
    }

    private static Duration seconds(Map<String, String> options, String name, int fallback) {
        return Duration.ofSeconds(Long.parseLong(option(options, name, String.valueOf(fallback))));
    }

    private static String option(Map<String, String> options, String name, String fallback) {
        String value = options.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("options are --name=value, not " + arg);
            }
            options.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        return options;
    }
}
