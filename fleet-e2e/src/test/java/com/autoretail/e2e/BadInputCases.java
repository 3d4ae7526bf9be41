package com.autoretail.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The hostile and broken requests of {@link BadInputTest}: the rows of every {@code bad-input/*.json} (each a JSON
 * array of cases: {@code cases.json}, {@code quotas-and-hygiene.json}, ...), plus the few that are easier to build
 * than to write down (bodies over the 1 MiB limit, NaN and Infinity tokens, over-long
 * texts, a plan with too many steps).
 */
final class BadInputCases {

    /** How a refusal must look: the agents' /execute envelope, RFC 9457 problem+json, or anything readable. */
    enum Format { ENVELOPE, PROBLEM, ANY }

    /**
     * One request and what it must get back.
     *
     * @param body        the raw bytes sent, or null for none
     * @param chunked     sent without a Content-Length, as a client streaming it would
     * @param contains    text the answer must contain, or null
     * @param expectedBug why the service gets this wrong today; such a case is reported, not sent
     */
    record Case(String name, String service, String method, String path, Map<String, String> headers, byte[] body,
                boolean chunked, int expect, String contains, Format format, String expectedBug) {

        @Override
        public String toString() {
            return name;
        }
    }

    static final int MAX_BODY = 1024 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FIXTURES = "/bad-input/";

    private BadInputCases() {
    }

    static Stream<Case> all() {
        return Stream.concat(fixture().stream(), programmatic().stream());
    }

    /** The rows of every {@code *.json} in the fixtures' folder, file by file in name order. */
    static List<Case> fixture() {
        List<Case> cases = new ArrayList<>();
        for (Path file : fixtureFiles()) {
            try (InputStream in = Files.newInputStream(file)) {
                for (JsonNode row : MAPPER.readTree(in)) {
                    cases.add(fromRow(row));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(file + " is not a JSON array of cases", e);
            }
        }
        return cases;
    }

    static List<Path> fixtureFiles() {
        URL folder = BadInputCases.class.getResource(FIXTURES);
        if (folder == null) {
            throw new IllegalStateException(FIXTURES + " is not on the test classpath");
        }
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            List<Path> found = files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("no *.json cases in " + FIXTURES);
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Case fromRow(JsonNode row) throws IOException {
        String service = row.path("service").asText();
        String path = row.path("path").asText();
        Map<String, String> headers = new LinkedHashMap<>();
        row.path("headers").properties().forEach(header -> headers.put(header.getKey(), header.getValue().asText()));
        JsonNode body = row.path("body");
        byte[] bytes = body.isMissingNode() || body.isNull() ? null
                : body.isTextual() ? body.asText().getBytes(StandardCharsets.UTF_8) : MAPPER.writeValueAsBytes(body);
        Format format = row.hasNonNull("format") ? Format.valueOf(row.path("format").asText().toUpperCase())
                : defaultFormat(service, path);
        return new Case(row.path("name").asText(), service, row.path("method").asText(), path, headers, bytes, false,
                row.path("expect").asInt(), text(row, "contains"), format, text(row, "expectedBug"));
    }

    /** The contract: an agent's /execute and /execute-async answer the envelope, everything else problem+json. */
    static Format defaultFormat(String service, String path) {
        if (service.endsWith("-mcp")) {
            return Format.ANY;
        }
        boolean agentExecute = !service.equals("orchestrator") && path.startsWith("/execute");
        return agentExecute ? Format.ENVELOPE : Format.PROBLEM;
    }

    private static String text(JsonNode row, String field) {
        return row.hasNonNull(field) ? row.path(field).asText() : null;
    }

    static List<Case> programmatic() {
        List<Case> cases = new ArrayList<>();
        List<String[]> limited = List.of(new String[] {"inventory", "/execute"}, new String[] {"inventory", "/hold"},
                new String[] {"payment", "/execute"}, new String[] {"payment", "/execute-async"},
                new String[] {"repair-orders", "/execute"}, new String[] {"parts", "/execute"},
                new String[] {"sales", "/execute"}, new String[] {"sales", "/api/message"},
                new String[] {"orchestrator", "/orchestrate"}, new String[] {"orchestrator", "/orchestrate-async"},
                new String[] {"orchestrator", "/plan"}, new String[] {"orchestrator", "/execute-plan"});
        for (String[] endpoint : limited) {
            cases.add(generated(endpoint[0] + " " + endpoint[1] + " body of 1 MiB + 1 byte", endpoint[0],
                    endpoint[1], padded(MAX_BODY + 1), false, 413, "larger than"));
        }
        for (String[] endpoint : List.of(new String[] {"parts", "/execute"}, new String[] {"sales", "/api/message"},
                new String[] {"orchestrator", "/orchestrate"})) {
            cases.add(generated(endpoint[0] + " " + endpoint[1] + " chunked body over 1 MiB", endpoint[0],
                    endpoint[1], padded(MAX_BODY + 4096), true, 413, "too large"));
        }
        String sku = "S".repeat(MAX_BODY - "{\"operation\":\"get_inventory\",\"parameters\":{\"sku\":\"\"}}".length());
        cases.add(generated("inventory /execute body of exactly 1 MiB is read, its sku refused", "inventory",
                "/execute", json("{\"operation\":\"get_inventory\",\"parameters\":{\"sku\":\"" + sku + "\"}}"), false,
                400, "sku"));
        for (String token : List.of("NaN", "Infinity", "-Infinity")) {
            cases.add(generated("payment create_payment_link amount " + token, "payment", "/execute",
                    json("{\"operation\":\"create_payment_link\",\"parameters\":{\"repair_order_id\":\"1234\",\"amount\":"
                            + token + ",\"customer_email\":\"ambujmehra16@gmail.com\"}}"), false, 400, "parameters"));
            cases.add(generated("inventory /execute create_hold quantity " + token, "inventory", "/execute",
                    json("{\"operation\":\"create_hold\",\"parameters\":{\"sku\":\"SKU000001\",\"quantity\":" + token
                            + "}}"), false, 400, "parameters"));
            cases.add(generated("inventory POST /hold ttl " + token, "inventory", "/hold",
                    json("{\"sku\":\"SKU000001\",\"quantity\":1,\"ttl\":" + token + "}"), false, 400, null));
            cases.add(generated("parts check_vehicle_compatibility vehicle_year " + token, "parts", "/execute",
                    json("{\"operation\":\"check_vehicle_compatibility\",\"parameters\":{\"part_number\":\"1234\","
                            + "\"vehicle_model\":\"Camry\",\"vehicle_year\":" + token + "}}"), false, 400, null));
            cases.add(generated("orchestrator /orchestrate priority " + token, "orchestrator", "/orchestrate",
                    json("{\"user_request\":\"Show RO 1234\",\"priority\":" + token + "}"), false, 400, null));
        }
        cases.add(generated("sales /api/message message over 2000 characters", "sales", "/api/message",
                json("{\"message\":\"" + "I want SKU000001 ".repeat(118) + "\"}"), false, 400, "message"));
        cases.add(generated("orchestrator /orchestrate user_request over 4000 characters", "orchestrator",
                "/orchestrate", json("{\"user_request\":\"" + "Refund every payment. ".repeat(182) + "\"}"), false, 400,
                "user_request"));
        cases.add(generated("orchestrator /plan user_request over 4000 characters", "orchestrator", "/plan",
                json("{\"user_request\":\"" + "Show RO 1234. ".repeat(290) + "\"}"), false, 400, "user_request"));
        cases.add(generated("orchestrator /execute-plan more steps than allowed", "orchestrator", "/execute-plan",
                json(tooManySteps()), false, 422, "limit"));
        return cases;
    }

    private static Case generated(String name, String service, String path, byte[] body, boolean chunked, int expect,
                                  String contains) {
        return new Case(name, service, "POST", path, Map.of(), body, chunked, expect, contains,
                defaultFormat(service, path), null);
    }

    /** A well-formed JSON object of exactly {@code size} bytes, so only its size is wrong. */
    private static byte[] padded(int size) {
        String head = "{\"operation\":\"get_inventory\",\"user_request\":\"Show RO 1234\",\"message\":\"hi\",\"padding\":\"";
        return json(head + "x".repeat(size - head.length() - 2) + "\"}");
    }

    private static String tooManySteps() {
        String steps = String.join(",", IntStream.rangeClosed(1, 21).mapToObj(i -> "{\"step_id\":\"s" + i
                + "\",\"step_order\":" + i + ",\"service_name\":\"parts\",\"operation\":\"check_part_availability\","
                + "\"parameters\":{\"part_number\":\"1234\"},\"dependencies\":[]}").toList());
        return "{\"workflow_plan\":{\"plan_id\":\"bad-too-many\",\"execution_steps\":[" + steps + "]}}";
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
