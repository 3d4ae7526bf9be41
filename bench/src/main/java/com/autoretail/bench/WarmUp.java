package com.autoretail.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fleet warmed up before it is measured: the benchmark plan through the orchestrator, window after window, until
 * the services' JIT compilers have gone quiet (their threads' share of the services' CPU under a threshold in two
 * windows running), or a limit. With C2 on, a fleet just started goes on compiling for minutes under load, and its
 * throughput with it (bench/notes/50-measuring.md): figures taken before that measure the compilers, not the fleet.
 * Without {@code /proc} (not Linux, or no services named) the compilers cannot be read and it runs to the limit.
 *
 * @param id      the result's id in the report
 * @param fleet   which fleet it warms, for the report: "the fleet", "the fleet of 100 ms agents"
 * @param clients closed-loop clients
 * @param window  one window's length
 * @param limit   the longest it runs
 * @param quiet   the compilers' share of the services' CPU in a window below which they count as quiet
 */
record WarmUp(String id, String fleet, int clients, Duration window, Duration limit, double quiet) {

    /** Two windows in a row under the threshold: one alone can fall between two bursts of compilation. */
    private static final int QUIET_WINDOWS = 2;

    /** One window: the workflows/s it ran, and the compilers' and all services' CPU seconds in it. */
    record Window(double perSecond, double compilerSeconds, double servicesSeconds) {
        double compilerShare() {
            return servicesSeconds <= 0 ? 0 : compilerSeconds / servicesSeconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f/s (compilers %.0f %%)", perSecond, 100 * compilerShare());
        }
    }

    Result run(FleetHttp http, String orchestrator, ProcessCpu cpu) throws Exception {
        BenchPlan plan = new BenchPlan(http.mapper());
        List<Window> windows = new ArrayList<>();
        long started = System.nanoTime();
        int quietInARow = 0;
        boolean measurable = true;
        while (Duration.ofNanos(System.nanoTime() - started).compareTo(limit) < 0 && quietInARow < QUIET_WINDOWS) {
            double compilerBefore = cpu.compilerSeconds();
            double servicesBefore = cpu.servicesSeconds();
            LoadResult load = LoadGenerator.run(new LoadGenerator.Spec("warm-up: the plan by the orchestrator",
                    clients, Duration.ZERO, window), measured -> plan.run(http, orchestrator).isPresent());
            Window now = new Window(load.perSecond(), cpu.compilerSeconds() - compilerBefore,
                    cpu.servicesSeconds() - servicesBefore);
            windows.add(now);
            measurable = now.servicesSeconds() > 0;
            quietInARow = measurable && now.compilerShare() < quiet ? quietInARow + 1 : 0;
            System.out.println("bench: " + id + ". warm-up window " + windows.size() + ": " + now + ", "
                    + load.errors() + " errors");
        }
        long seconds = Math.round((System.nanoTime() - started) / 1e9);
        boolean settled = quietInARow >= QUIET_WINDOWS;
        String figure = settled ? seconds + " s" : "not quiet after " + seconds + " s";
        List<String> details = new ArrayList<>();
        details.add(String.format(Locale.ROOT, "the benchmark plan through the orchestrator, %d clients, in windows of "
                        + "%d s, until the services' JIT compiler threads (C1, C2; `/proc/<pid>/task/*/stat`) spent under "
                        + "%.0f %% of the services' CPU in %d windows running, at most %d s", clients,
                window.toSeconds(), 100 * quiet, QUIET_WINDOWS, limit.toSeconds()));
        details.add("each window, workflows/s and the compilers' share of the services' CPU: " + String.join(", ",
                windows.stream().map(Window::toString).toList()));
        details.add(settled ? "the benchmarks after it measure the fleet at its pace, not its compilers"
                : measurable ? "the compilers were still busy at the limit: the figures after it include them"
                : "the compilers could not be read (no /proc, or no services named): it ran to the limit");
        return new Result(id, "Warm-up of " + fleet + ": until its compilers go quiet", figure, ReportWriter.NO_TARGET,
                settled,
                "./fleet bench overhead, peer, holds or parallel (each warms its fleet up first)", details, Instant.now().toString());
    }
}
