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
 * Options are {@code --name=value}. The fleet is on 127.0.0.1, its ports given as {@code --ports=name:port,...}
 * (what {@code ./fleet bench} passes from {@code fleet.conf}).
 *
 * <pre>
 * planner  --corpus=orchestrator-service/src/test/resources/planning --jmh-log=.fleet/bench/jmh.log
 *          (JMH on rule-cases.json, then the labelled corpus: accuracy and latency, 4b-4e)
 * planner-accuracy --corpus=...   (the corpus part alone, a few seconds)
 * warmup   --ports=... --pids=... --id=0a --fleet="the fleet" --clients=8 --window=15 --seconds=600 --quiet=0.03
 *          (the plan through the orchestrator until the services' JIT compilers go quiet, at most --seconds)
 * parallel --ports=orchestrator:8086,... --latency=100ms
 * overhead --ports=... --clients=32 --seconds=30 --pids=orchestrator:4711,...,redis:42   (CPU per orchestration)
 * holds    --ports=... --clients=64 --warmup=30 --fresh-warmup=90 --seconds=30
 *          --redis-inventory=http://127.0.0.1:8011   (fresh-warmup: the Redis agent's, a JVM started for it)
 * peer     --ports=... --rounds=3 --warmup=1 --seconds=4   (7a-7c: the orchestrator, the floor and LangGraph4j)
 * peer-latency --ports=... --latency=100ms --rounds=3 --warmup=1 --seconds=4   (7d, on a fleet started with it)
 * durability --ports=... --memory-orchestrator=http://127.0.0.1:8021 --victim=http://127.0.0.1:8022 --victim-pid=4711
 *          --survivor=http://127.0.0.1:8023 --lease-and-recovery=20s --workflows=200
 * start    --seconds=21.5 --rss-kib=1900000 --rss-per-service=a=1,b=2 --rss-after-load-kib=0
 * report   --out=docs/BENCHMARKS.md --command="./fleet bench" --took-seconds=420 --load-average="0.52 0.61 0.70"
 *          --baseline=bench/baseline.json --notes=bench/notes   (the figures before; what was changed)
 * </pre>
 */
public final class BenchMain {

    private static final String HOST = "http://127.0.0.1:";

    /** The planner tests' folder: capabilities.json, rule-cases.json (JMH) and the labelled corpus/. */
    private static final String PLANNING = "orchestrator-service/src/test/resources/planning";

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: BenchMain planner|planner-accuracy|warmup|parallel|overhead|peer|peer-latency|holds|"
                    + "durability|start|report [--name=value ...]");
            System.exit(2);
        }
        Map<String, String> options = options(args);
        FleetHttp http = new FleetHttp();
        Results results = new Results(Path.of(option(options, "results", ".fleet/bench/results.jsonl")), http.mapper());
        String jvmOptions = option(options, "jvm-options", "");
        switch (args[0]) {
            case "planner" -> {
                Path planning = Path.of(option(options, "corpus", PLANNING));
                results.append(PlannerBench.run(planning, Path.of(option(options, "jmh-log", ".fleet/bench/jmh.log"))));
                for (Result result : PlannerAccuracy.run(planning)) {
                    results.append(result);
                }
            }
            case "planner-accuracy" -> {
                for (Result result : PlannerAccuracy.run(Path.of(option(options, "corpus", PLANNING)))) {
                    results.append(result);
                }
            }
            case "warmup" -> results.append(new WarmUp(option(options, "id", "0a"),
                    option(options, "fleet", "the fleet"), Integer.parseInt(option(options, "clients", "8")),
                    seconds(options, "window", 15), seconds(options, "seconds", 600),
                    Double.parseDouble(option(options, "quiet", "0.03")))
                    .run(http, url(options, "orchestrator"), ProcessCpu.of(option(options, "pids", ""))));
            case "parallel" -> results.append(ParallelBenchmark.run(http, url(options, "orchestrator"),
                    latency(options), seconds(options, "warmup", 5), seconds(options, "seconds", 20)));
            case "overhead" -> {
                Map<String, String> agents = planAgents(options);
                for (Result result : OverheadBenchmark.run(http, url(options, "orchestrator"), agents,
                        url(options, "payment") + "/health", Integer.parseInt(option(options, "clients", "32")),
                        seconds(options, "warmup", 20), seconds(options, "seconds", 30),
                        ProcessCpu.of(option(options, "pids", "")))) {
                    results.append(result);
                }
            }
            case "peer" -> {
                for (Result result : PeerBenchmark.run(http, url(options, "orchestrator"), planAgents(options),
                        peerWindows(options))) {
                    results.append(result);
                }
            }
            case "peer-latency" -> results.append(PeerBenchmark.runUnderLatency(http, url(options, "orchestrator"),
                    planAgents(options), latency(options), peerWindows(options)));
            case "holds" -> {
                Duration warmup = seconds(options, "warmup", 30);
                // the Redis agent is started for this benchmark; the fleet's has served the demo, and the /health
                // window before the holds: the fresh JVM gets the minute more its JIT needs (bench/notes/40-holds.md)
                List<HoldsBenchmark.Target> targets = List.of(
                        new HoldsBenchmark.Target("3a", "memory", url(options, "inventory"), warmup),
                        new HoldsBenchmark.Target("3b", "Redis", required(options, "redis-inventory"),
                                seconds(options, "fresh-warmup", 90)));
                for (Result result : HoldsBenchmark.run(http, targets,
                        Integer.parseInt(option(options, "clients", "64")), warmup, seconds(options, "seconds", 30))) {
                    results.append(result);
                }
            }
            case "durability" -> {
                for (Result result : DurabilityBenchmark.run(http, new DurabilityBenchmark.Orchestrators(
                        // the fleet's orchestrator journals to Redis (as ./fleet bench starts it): one on memory beside it
                        required(options, "memory-orchestrator"), url(options, "orchestrator"),
                        required(options, "victim"), Long.parseLong(required(options, "victim-pid")),
                        required(options, "survivor"),
                        DurationStyle.detectAndParse(option(options, "lease-and-recovery", "20s"))),
                        Integer.parseInt(option(options, "workflows", "200")))) {
                    results.append(result);
                }
            }
            case "start" -> {
                FleetStart.Start now = new FleetStart.Start(Double.parseDouble(option(options, "seconds", "0")),
                        Long.parseLong(option(options, "rss-kib", "0")), option(options, "rss-per-service", ""),
                        jvmOptions);
                FleetStart.Start before = options.containsKey("before-seconds") ? new FleetStart.Start(
                        Double.parseDouble(options.get("before-seconds")),
                        Long.parseLong(option(options, "before-rss-kib", "0")),
                        option(options, "before-rss-per-service", ""), option(options, "before-jvm-options", ""))
                        : null;
                for (Result result : FleetStart.record(now, before,
                        Long.parseLong(option(options, "rss-after-load-kib", "0")))) {
                    results.append(result);
                }
            }
            case "report" -> ReportWriter.write(Path.of(option(options, "out", "docs/BENCHMARKS.md")),
                    results.latest(), option(options, "command", "./fleet bench"),
                    Long.parseLong(option(options, "took-seconds", "0")), jvmOptions,
                    option(options, "load-average", ""),
                    Targets.Baseline.read(Path.of(option(options, "baseline", "bench/baseline.json")), http.mapper()),
                    Path.of(option(options, "notes", "bench/notes")));
            default -> {
                System.err.println("unknown benchmark: " + args[0]);
                System.exit(2);
            }
        }
    }

    /** The agents of the benchmark plan, by the service key its steps name. */
    private static Map<String, String> planAgents(Map<String, String> options) {
        Map<String, String> agents = new LinkedHashMap<>();
        agents.put("repair_orders", url(options, "repair-orders"));
        agents.put("parts", url(options, "parts"));
        agents.put("payment", url(options, "payment"));
        return agents;
    }

    /** The added agent latency, read as the agents read AGENT_SIMULATED_LATENCY: 100ms, 0.1s, or seconds. */
    private static Duration latency(Map<String, String> options) {
        return DurationStyle.detectAndParse(option(options, "latency", "100ms"), ChronoUnit.SECONDS);
    }

    private static PeerBenchmark.Windows peerWindows(Map<String, String> options) {
        return new PeerBenchmark.Windows(Integer.parseInt(option(options, "rounds", "3")),
                seconds(options, "warmup", 1), seconds(options, "seconds", 4));
    }

    /** A service's URL on 127.0.0.1, its port from {@code --ports=name:port,...}. */
    private static String url(Map<String, String> options, String service) {
        for (String entry : required(options, "ports").split(",")) {
            int colon = entry.lastIndexOf(':');
            if (colon > 0 && entry.substring(0, colon).equals(service)) {
                return HOST + entry.substring(colon + 1);
            }
        }
        throw new IllegalArgumentException("--ports names no port for " + service);
    }

    private static String required(Map<String, String> options, String name) {
        String value = option(options, name, "");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("--" + name + " is needed (./fleet bench passes it)");
        }
        return value;
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
