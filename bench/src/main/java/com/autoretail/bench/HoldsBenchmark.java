package com.autoretail.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 3. Inventory holds: {@code POST /hold} then {@code DELETE /hold/{id}} of one unit of one hot SKU, by many
 * clients, on an inventory agent with the memory store and one with the Redis store, against the
 * {@code GET /health} of the memory one in the same run, measured before and after the holds (the higher of the
 * two counts, so that a JVM still compiling when the first ran does not flatter the holds). The SKU's stock is
 * read before and after: a hold whose release failed is released once the window closed, so every hold the
 * clients know of ends released, and the stock must not have moved. Failures are counted by cause.
 */
final class HoldsBenchmark {

    static final String COMMAND = "./fleet bench holds";
    static final String SKU = "SKU000001";
    private static final double TARGET_SHARE = 0.6;
    private static final Pattern ERROR_CODE = Pattern.compile("\"(?:error_code|code)\"\\s*:\\s*\"([A-Z_]+)\"");

    private HoldsBenchmark() {
    }

    /** An inventory agent to measure: the store's name, the agent's URL, and the warm-up of its window. */
    record Target(String id, String store, String url, Duration warmup) {
    }

    static List<Result> run(FleetHttp http, List<Target> targets, int clients, Duration warmup, Duration duration)
            throws Exception {
        String healthUrl = targets.getFirst().url() + "/health";
        LoadResult firstHealth = health(http, healthUrl, clients, warmup, duration);
        List<Measured> measured = new ArrayList<>();
        for (Target target : targets) {
            measured.add(measure(http, target, clients, duration));
        }
        LoadResult lastHealth = health(http, healthUrl, clients, warmup, duration);
        LoadResult health = firstHealth.perSecond() >= lastHealth.perSecond() ? firstHealth : lastHealth;
        List<Result> results = new ArrayList<>();
        for (Measured one : measured) {
            results.add(one.result(health, firstHealth, lastHealth, healthUrl));
        }
        return results;
    }

    private static LoadResult health(FleetHttp http, String healthUrl, int clients, Duration warmup,
                                     Duration duration) throws Exception {
        LoadResult health = LoadGenerator.run(new LoadGenerator.Spec("3. GET " + healthUrl, clients, warmup,
                duration), measured -> http.get(healthUrl).ok());
        System.out.println("bench: " + health.summary());
        return health;
    }

    private static Measured measure(FleetHttp http, Target target, int clients, Duration duration)
            throws Exception {
        String hold = "{\"sku\":\"" + SKU + "\",\"quantity\":1,\"location\":\"online\",\"ttl\":300}";
        JsonNode before = http.json(http.get(target.url() + "/inventory/" + SKU));
        Failures failures = new Failures();
        Queue<String> unreleased = new ConcurrentLinkedQueue<>();
        LoadResult load = LoadGenerator.run(new LoadGenerator.Spec("3. holds on " + target.store(), clients,
                target.warmup(), duration), measured -> {
                    FleetHttp.Answer made = failures.call("POST /hold", () -> http.post(target.url() + "/hold", hold));
                    if (made == null || made.status() != 201) {
                        failures.count("POST /hold", made);
                        return false;
                    }
                    String holdId = http.json(made).path("hold_id").asText();
                    FleetHttp.Answer released = failures.call("DELETE /hold",
                            () -> http.delete(target.url() + "/hold/" + holdId));
                    if (released != null && released.status() == 200
                            && http.json(released).path("restored_stock").asInt() == 1) {
                        return true;
                    }
                    failures.count("DELETE /hold", released);
                    unreleased.add(holdId);
                    return false;
                });
        System.out.println("bench: " + load.summary() + failures.described());
        int releasedAfter = 0;
        for (String holdId : unreleased) {
            if (http.delete(target.url() + "/hold/" + holdId).status() == 200) {
                releasedAfter++;
            }
        }
        JsonNode after = http.json(http.get(target.url() + "/inventory/" + SKU));
        return new Measured(target, load, failures.described(), unreleased.size(), releasedAfter, before, after);
    }

    /** One store's window, and the stock around it. */
    private record Measured(Target target, LoadResult load, String failures, int unreleased, int releasedAfter,
                            JsonNode before, JsonNode after) {

        Result result(LoadResult health, LoadResult firstHealth, LoadResult lastHealth, String healthUrl) {
            long drift = after.path("online_stock").asLong() - before.path("online_stock").asLong();
            long reservedDrift = after.path("reserved").asLong() - before.path("reserved").asLong();
            double requestsPerSecond = load.perSecond() * 2;
            double share = requestsPerSecond / health.perSecond();
            boolean met = share >= TARGET_SHARE && drift == 0 && reservedDrift == 0;
            List<String> details = List.of(
                    String.format(Locale.ROOT, "%s store (%s), %d clients, %.0f s after a %d s warm-up: **%.0f "
                            + "holds/s** (hold + release pairs), %.0f requests/s; pair latency p50 %.2f ms, p90 %.2f "
                            + "ms, p99 %.2f ms; %d errors%s", target.store(), target.url(), load.clients(),
                            load.seconds(), target.warmup().toSeconds(), load.perSecond(), requestsPerSecond, load.p50(),
                            load.p90(), load.p99(), load.errors(), failures),
                    String.format(Locale.ROOT, "`GET %s` by %d clients in the same run, before and after the holds: "
                            + "%.0f and %.0f requests/s; the holds' %.0f requests/s are **%.0f %%** of the higher",
                            healthUrl, health.clients(), firstHealth.perSecond(), lastHealth.perSecond(),
                            requestsPerSecond, share * 100),
                    String.format(Locale.ROOT, "%s online stock before %d, after %d (drift **%d**); reserved before "
                            + "%d, after %d; holds whose release failed in the window: %d, released after it: %d",
                            SKU, before.path("online_stock").asLong(), after.path("online_stock").asLong(), drift,
                            before.path("reserved").asLong(), after.path("reserved").asLong(), unreleased,
                            releasedAfter));
            return new Result(target.id(), "Inventory holds, " + target.store()
                    + " store (requests/s ÷ `/health`; drift)", String.format(Locale.ROOT, "%.0f %%, drift %d",
                    share * 100, drift), "≥ 60 %, drift 0", met, COMMAND, details, Instant.now().toString());
        }
    }

    /** The failed calls of a window, by request and cause: an HTTP status with its error code, or an exception. */
    private static final class Failures {
        private final Map<String, LongAdder> counts = new ConcurrentSkipListMap<>();

        /** The call's answer, or null (counted) when it threw. */
        FleetHttp.Answer call(String request, Callable<FleetHttp.Answer> call) throws InterruptedException {
            try {
                return call.call();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                counts.computeIfAbsent(request + " " + e.getClass().getSimpleName(), k -> new LongAdder())
                        .increment();
                return null;
            }
        }

        /** Counts an answer that was not the one expected (null: already counted as an exception). */
        void count(String request, FleetHttp.Answer answer) {
            if (answer == null) {
                return;
            }
            Matcher code = ERROR_CODE.matcher(answer.body());
            String cause = answer.status() + (code.find() ? " " + code.group(1) : "");
            counts.computeIfAbsent(request + " " + cause, k -> new LongAdder()).increment();
        }

        /** ", of which: POST /hold 409 CONFLICT ×12, ..." or nothing when none failed (warm-up included). */
        String described() {
            if (counts.isEmpty()) {
                return "";
            }
            StringJoiner causes = new StringJoiner(", ", " (warm-up included: ", ")");
            counts.forEach((cause, count) -> causes.add(cause + " ×" + count.sum()));
            return causes.toString();
        }
    }
}
