package com.autoretail.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 3. Inventory holds: {@code POST /hold} then {@code DELETE /hold/{id}} of one unit of one hot SKU, by many
 * clients, on an inventory agent with the memory store and one with the Redis store, against the
 * {@code GET /health} of the memory one in the same run. The SKU's stock is read before and after: every hold
 * was released, so it must not have moved.
 */
final class HoldsBenchmark {

    static final String COMMAND = "./fleet bench holds";
    static final String SKU = "SKU000001";
    private static final double TARGET_SHARE = 0.6;

    private HoldsBenchmark() {
    }

    /** An inventory agent to measure: the store's name and the agent's URL. */
    record Target(String id, String store, String url) {
    }

    static List<Result> run(FleetHttp http, List<Target> targets, int clients, Duration warmup, Duration duration)
            throws Exception {
        String healthUrl = targets.getFirst().url() + "/health";
        LoadResult health = LoadGenerator.run(new LoadGenerator.Spec("3. GET " + healthUrl, clients, warmup,
                duration), measured -> http.get(healthUrl).ok());
        System.out.println("bench: " + health.summary());
        List<Result> results = new ArrayList<>();
        for (Target target : targets) {
            results.add(measure(http, target, health, healthUrl, clients, warmup, duration));
        }
        return results;
    }

    private static Result measure(FleetHttp http, Target target, LoadResult health, String healthUrl, int clients,
                                  Duration warmup, Duration duration) throws Exception {
        String hold = "{\"sku\":\"" + SKU + "\",\"quantity\":1,\"location\":\"online\",\"ttl\":300}";
        JsonNode before = http.json(http.get(target.url() + "/inventory/" + SKU));
        LoadResult load = LoadGenerator.run(new LoadGenerator.Spec("3. holds on " + target.store(), clients, warmup,
                duration), measured -> {
                    FleetHttp.Answer made = http.post(target.url() + "/hold", hold);
                    if (made.status() != 201) {
                        return false;
                    }
                    String holdId = http.json(made).path("hold_id").asText();
                    FleetHttp.Answer released = http.delete(target.url() + "/hold/" + holdId);
                    return released.status() == 200 && http.json(released).path("restored_stock").asInt() == 1;
                });
        System.out.println("bench: " + load.summary());
        JsonNode after = http.json(http.get(target.url() + "/inventory/" + SKU));
        long drift = after.path("online_stock").asLong() - before.path("online_stock").asLong();
        long reservedDrift = after.path("reserved").asLong() - before.path("reserved").asLong();
        double requestsPerSecond = load.perSecond() * 2;
        double share = requestsPerSecond / health.perSecond();
        boolean met = share >= TARGET_SHARE && drift == 0 && reservedDrift == 0;
        List<String> details = List.of(
                String.format(Locale.ROOT, "%s store (%s), %d clients, %.0f s after a %d s warm-up: **%.0f holds/s** "
                        + "(hold + release pairs), %.0f requests/s; pair latency p50 %.2f ms, p90 %.2f ms, p99 %.2f "
                        + "ms; %d errors", target.store(), target.url(), load.clients(), load.seconds(),
                        warmup.toSeconds(), load.perSecond(), requestsPerSecond, load.p50(), load.p90(), load.p99(),
                        load.errors()),
                String.format(Locale.ROOT, "`GET %s` by %d clients in the same run: %.0f requests/s; the holds' "
                        + "%.0f requests/s are **%.0f %%** of it", healthUrl, health.clients(), health.perSecond(),
                        requestsPerSecond, share * 100),
                String.format(Locale.ROOT, "%s online stock before %d, after %d (drift **%d**); reserved before %d, "
                        + "after %d", SKU, before.path("online_stock").asLong(), after.path("online_stock").asLong(),
                        drift, before.path("reserved").asLong(), after.path("reserved").asLong()));
        return new Result(target.id(), "Inventory holds, " + target.store() + " store (requests/s ÷ `/health`; drift)",
                String.format(Locale.ROOT, "%.0f %%, drift %d", share * 100, drift), "≥ 60 %, drift 0", met,
                COMMAND, details, Instant.now().toString());
    }
}
