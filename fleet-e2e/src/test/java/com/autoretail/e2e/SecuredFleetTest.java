package com.autoretail.e2e;

import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.testsupport.HttpJson.Reply;
import com.autoretail.common.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fleet with a credential per audience, as separate processes wired by the environment a user sets: the payment
 * MCP server with the MCP key, the payment and inventory agents with the service key, the sales agent with the
 * service and chat keys, the orchestrator with the back-office key, keys per role and an identity provider. Every
 * credential used where it grants nothing is answered 401 or 403 with a clear body in the service's error shape,
 * and changes nothing (the payment ledger and the stock are read before and after); the right credentials work end to
 * end (orchestrator → agent → MCP server, sales → inventory); and a service in the prod profile without its keys
 * does not start. The fleet of the other end-to-end tests stays open and is not started here.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecuredFleetTest {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    static final String SERVICE = "service-" + SUFFIX;
    static final String MCP = "mcp-" + SUFFIX;
    static final String CHAT = "chat-" + SUFFIX;
    static final String BACK_OFFICE = "back-office-" + SUFFIX;
    static final String VIEWER = "viewer-" + SUFFIX;
    static final String OPERATOR = "operator-" + SUFFIX;
    static final String APPROVER = "approver-" + SUFFIX;
    static final String WRONG = "wrong-" + SUFFIX;
    static final TestTokens TOKENS = new TestTokens();

    private static final String REFUND = "{\"operation\":\"process_refund\",\"parameters\":{\"payment_id\":"
            + "\"PAY-1009A1\",\"amount\":10,\"reason_code\":\"customer_request\"}}";
    private static final String HOLD = "{\"sku\":\"SKU000001\",\"quantity\":5,\"location\":\"online\",\"ttl\":300}";
    private static final String CREATE_HOLD = "{\"operation\":\"create_hold\",\"parameters\":" + HOLD + "}";
    private static final String MESSAGE = "{\"message\":\"I want 2 units of SKU000001\",\"session_id\":\"s-" + SUFFIX
            + "\"}";
    private static final String ORCHESTRATE = "{\"user_request\":\"Refund 10 USD on payment PAY-1009A1\"}";
    private static final String REFUND_PLAN = "{\"workflow_plan\":{\"plan_id\":\"refund\",\"execution_steps\":[{"
            + "\"step_id\":\"refund\",\"service_name\":\"payment\",\"operation\":\"process_refund\",\"parameters\":"
            + "{\"payment_id\":\"PAY-1009A1\",\"amount\":10,\"reason_code\":\"customer_request\"}}]}}";
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"curl\",\"version\":\"1\"}}}";

    static FleetProcesses fleet;
    static Map<String, String> urls = new LinkedHashMap<>();
    static Map<String, String> before;

    @BeforeAll
    static void startTheSecuredFleet() {
        fleet = FleetProcesses.unstarted();
        start("secured-payment-mcp", "payment-mcp", Map.of("MCP_API_KEY", MCP));
        start("secured-inventory", "inventory", Map.of("AGENT_API_KEY", SERVICE));
        start("secured-payment", "payment", Map.of("AGENT_API_KEY", SERVICE, "MCP_API_KEY", MCP,
                "PAYMENT_MCP_ENDPOINT", urls.get("secured-payment-mcp") + "/mcp"));
        start("secured-sales", "sales", Map.of("AGENT_API_KEY", SERVICE, "SALES_CHAT_API_KEY", CHAT,
                "INVENTORY_SERVICE_URL", urls.get("secured-inventory")));
        Map<String, String> orchestrator = new LinkedHashMap<>();
        orchestrator.put("AGENT_API_KEY", SERVICE);
        orchestrator.put("ORCHESTRATOR_API_KEY", BACK_OFFICE);
        orchestrator.put("AGENT_SECURITY_KEYS_DESK_KEY", VIEWER);
        orchestrator.put("AGENT_SECURITY_KEYS_DESK_ROLES", "viewer");
        orchestrator.put("AGENT_SECURITY_KEYS_OPS_KEY", OPERATOR);
        orchestrator.put("AGENT_SECURITY_KEYS_OPS_ROLES", "operator");
        orchestrator.put("AGENT_SECURITY_KEYS_MANAGER_KEY", APPROVER);
        orchestrator.put("AGENT_SECURITY_KEYS_MANAGER_ROLES", "approver");
        orchestrator.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION", TOKENS.publicKeyLocation());
        orchestrator.put("PAYMENT_SERVICE_URL", urls.get("secured-payment"));
        orchestrator.put("INVENTORY_SERVICE_URL", urls.get("secured-inventory"));
        orchestrator.put("SALES_SERVICE_URL", urls.get("secured-sales"));
        start("secured-orchestrator", "orchestrator", orchestrator);
        HttpJson health = new HttpJson(urls.get("secured-orchestrator"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "healthy".equals(health.get("/health").body().at("/services/payment/status").asText()));
        before = state();
    }

    @AfterAll
    static void stop() {
        if (fleet != null) {
            urls.keySet().forEach(fleet::kill);
        }
    }

    private static void start(String name, String of, Map<String, String> env) {
        urls.put(name, fleet.startInstance(name, of, env, List.of()).url());
    }

    private static HttpJson as(String service, String key) {
        return new HttpJson(urls.get("secured-" + service), key == null ? Map.of() : Map.of("X-API-Key", key));
    }

    private static HttpJson bearer(String service, String token) {
        return new HttpJson(urls.get("secured-" + service), Map.of("Authorization", "Bearer " + token));
    }

    /** The state the refused requests aim at: a payment's refunds, and the stock of a SKU. */
    static Map<String, String> state() {
        Map<String, String> state = new LinkedHashMap<>();
        Reply payment = as("payment", SERVICE).execute("check_payment_status", "{\"payment_id\":\"PAY-1009A1\"}");
        assertThat(payment.status()).as(payment.body().toString()).isEqualTo(200);
        JsonNode link = payment.body().path("result");
        state.put("payment PAY-1009A1", link.path("status").asText() + " refunded=" + link.path("refunded_amount")
                + " refunds=" + link.path("refunds").size());
        Reply stock = as("inventory", SERVICE).get("/inventory/SKU000001");
        assertThat(stock.status()).as(stock.body().toString()).isEqualTo(200);
        state.put("stock SKU000001", stock.body().path("online_stock") + " reserved=" + stock.body().path("reserved"));
        return state;
    }

    /** One refused request: who sends what where, and the status and words of the answer. */
    record Refusal(String name, HttpJson client, String method, String path, String body, int status,
                   String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Refusal refusal(String name, HttpJson client, String method, String path, String body, int status,
                                   String message) {
        return new Refusal(name, client, method, path, body, status, message);
    }

    static Stream<Refusal> refusals() {
        String forbidden = "may not call";
        String missing = "Missing credentials";
        String wrong = "Wrong X-API-Key";
        String badToken = "Invalid or expired bearer token";
        return Stream.of(
                // the payment agent: only the service key
                refusal("payment /execute without a key", as("payment", null), "POST", "/execute", REFUND, 401, missing),
                refusal("payment /execute with a wrong key", as("payment", WRONG), "POST", "/execute", REFUND, 401, wrong),
                refusal("payment /execute with the chat key", as("payment", CHAT), "POST", "/execute", REFUND, 401, wrong),
                refusal("payment /execute with the MCP key", as("payment", MCP), "POST", "/execute", REFUND, 401, wrong),
                refusal("payment /execute with the back-office key", as("payment", BACK_OFFICE), "POST", "/execute",
                        REFUND, 401, wrong),
                refusal("payment /execute-async with the chat key", as("payment", CHAT), "POST", "/execute-async",
                        REFUND, 401, wrong),
                refusal("payment /capabilities without a key", as("payment", null), "GET", "/capabilities", null, 401,
                        missing),
                refusal("payment /status without a key", as("payment", null), "GET", "/status/t-1", null, 401, missing),
                refusal("payment /actuator/prometheus without a key", as("payment", null), "GET",
                        "/actuator/prometheus", null, 401, missing),
                refusal("payment /execute with a bearer token", bearer("payment", TOKENS.valid("ci", "admin")), "POST",
                        "/execute", REFUND, 401, "accepts no bearer tokens"),
                // inventory: the service key the sales agent sends, never the chat key
                refusal("inventory POST /hold with the chat key", as("inventory", CHAT), "POST", "/hold", HOLD, 401,
                        wrong),
                refusal("inventory POST /hold without a key", as("inventory", null), "POST", "/hold", HOLD, 401,
                        missing),
                refusal("inventory GET /inventory with the chat key", as("inventory", CHAT), "GET",
                        "/inventory/SKU000001", null, 401, wrong),
                refusal("inventory DELETE /hold with a wrong key", as("inventory", WRONG), "DELETE", "/hold/H-1", null,
                        401, wrong),
                refusal("inventory /execute create_hold with the chat key", as("inventory", CHAT), "POST", "/execute",
                        CREATE_HOLD, 401, wrong),
                refusal("inventory /execute-async with the MCP key", as("inventory", MCP), "POST", "/execute-async",
                        CREATE_HOLD, 401, wrong),
                refusal("inventory /availability without a key", as("inventory", null), "GET",
                        "/availability/SKU000001?quantity=1", null, 401, missing),
                // sales: the chat key opens the chat and nothing else; the service key not the chat
                refusal("sales /api/message without a key", as("sales", null), "POST", "/api/message", MESSAGE, 401,
                        missing),
                refusal("sales /api/message with a wrong key", as("sales", WRONG), "POST", "/api/message", MESSAGE,
                        401, wrong),
                refusal("sales /api/message with the service key", as("sales", SERVICE), "POST", "/api/message",
                        MESSAGE, 403, forbidden),
                refusal("sales /api/message with the back-office key", as("sales", BACK_OFFICE), "POST",
                        "/api/message", MESSAGE, 401, wrong),
                refusal("sales /execute with the chat key", as("sales", CHAT), "POST", "/execute",
                        "{\"operation\":\"handle_message\",\"parameters\":" + MESSAGE + "}", 403, forbidden),
                refusal("sales /capabilities with the chat key", as("sales", CHAT), "GET", "/capabilities", null, 403,
                        forbidden),
                refusal("sales /actuator/metrics with the chat key", as("sales", CHAT), "GET", "/actuator/metrics",
                        null, 403, forbidden),
                // the payment MCP server: the MCP key only
                refusal("payment MCP without a key", as("payment-mcp", null), "POST", "/mcp", INITIALIZE, 401,
                        "Missing X-API-Key"),
                refusal("payment MCP with a wrong key", as("payment-mcp", WRONG), "POST", "/mcp", INITIALIZE, 401,
                        wrong),
                refusal("payment MCP with the service key", as("payment-mcp", SERVICE), "POST", "/mcp", INITIALIZE,
                        401, wrong),
                refusal("payment MCP with the chat key", as("payment-mcp", CHAT), "POST", "/mcp", INITIALIZE, 401,
                        wrong),
                // the orchestrator: each back-office role its endpoints, the service key none
                refusal("orchestrator /orchestrate without a key", as("orchestrator", null), "POST", "/orchestrate",
                        ORCHESTRATE, 401, missing + ": send X-API-Key or a bearer token"),
                refusal("orchestrator /orchestrate with a wrong key", as("orchestrator", WRONG), "POST",
                        "/orchestrate", ORCHESTRATE, 401, wrong),
                refusal("orchestrator /orchestrate with the chat key", as("orchestrator", CHAT), "POST",
                        "/orchestrate", ORCHESTRATE, 401, wrong),
                refusal("orchestrator /services with the MCP key", as("orchestrator", MCP), "GET", "/services", null,
                        401, wrong),
                refusal("orchestrator /services with the service key", as("orchestrator", SERVICE), "GET",
                        "/services", null, 403, forbidden),
                refusal("orchestrator /orchestrate with the service key", as("orchestrator", SERVICE), "POST",
                        "/orchestrate", ORCHESTRATE, 403, forbidden),
                refusal("orchestrator /execute-plan with the service key", as("orchestrator", SERVICE), "POST",
                        "/execute-plan", REFUND_PLAN, 403, forbidden),
                refusal("orchestrator /workflow without a key", as("orchestrator", null), "GET", "/workflow/wf-42",
                        null, 401, missing),
                refusal("orchestrator /orchestrate with the viewer key", as("orchestrator", VIEWER), "POST",
                        "/orchestrate", ORCHESTRATE, 403, "needs the role admin or operator"),
                refusal("orchestrator /orchestrate-async with the viewer key", as("orchestrator", VIEWER), "POST",
                        "/orchestrate-async", ORCHESTRATE, 403, forbidden),
                refusal("orchestrator /execute-plan with the viewer key", as("orchestrator", VIEWER), "POST",
                        "/execute-plan", REFUND_PLAN, 403, forbidden),
                refusal("orchestrator approve with the viewer key", as("orchestrator", VIEWER), "POST",
                        "/workflow/wf-42/approve", "{\"comment\":\"ok\"}", 403, "needs the role admin or approver"),
                refusal("orchestrator reject with the operator key", as("orchestrator", OPERATOR), "POST",
                        "/workflow/wf-42/reject", "{\"comment\":\"no\"}", 403, "needs the role admin or approver"),
                refusal("orchestrator /execute-plan with the approver key", as("orchestrator", APPROVER), "POST",
                        "/execute-plan", REFUND_PLAN, 403, forbidden),
                refusal("orchestrator /orchestrate with an expired token",
                        bearer("orchestrator", TOKENS.expired("alice", "operator")), "POST", "/orchestrate",
                        ORCHESTRATE, 401, badToken),
                refusal("orchestrator /execute-plan with a forged token",
                        bearer("orchestrator", TOKENS.forged("mallory", "admin")), "POST", "/execute-plan", REFUND_PLAN,
                        401, badToken),
                refusal("orchestrator /execute-plan with a malformed token", bearer("orchestrator", "abc.def.ghi"),
                        "POST", "/execute-plan", REFUND_PLAN, 401, badToken),
                refusal("orchestrator /execute-plan with a viewer's token",
                        bearer("orchestrator", TOKENS.valid("bob", "viewer")), "POST", "/execute-plan", REFUND_PLAN,
                        403, "'bob' may not call POST /execute-plan"),
                refusal("orchestrator approve with a token without roles",
                        bearer("orchestrator", TOKENS.valid("carol")), "POST", "/workflow/wf-42/approve", "{}", 403,
                        forbidden),
                refusal("orchestrator /actuator/prometheus without a key", as("orchestrator", null), "GET",
                        "/actuator/prometheus", null, 401, missing));
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void eachCredentialWhereItGrantsNothingIsRefused(Refusal r) {
        HttpJson client = r.client();
        Reply reply = switch (r.method()) {
            case "GET" -> client.get(r.path());
            case "DELETE" -> client.delete(r.path());
            default -> client.post(r.path(), r.body());
        };

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(r.status());
        String body = reply.body().toString();
        assertThat(body).contains(r.message()).doesNotContain("Exception", "at org.", "at com.");
        if (r.path().equals("/execute") || r.path().equals("/execute-async")) {
            assertThat(reply.text("error_code")).isEqualTo(r.status() == 401 ? "UNAUTHORIZED" : "FORBIDDEN");
            assertThat(reply.body().path("success").asBoolean(true)).isFalse();
        } else {
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.body().path("status").asInt()).isEqualTo(r.status());
        }
    }

    @Test
    @Order(2)
    void theRefusedRequestsChangedNothingAndEveryServiceIsHealthy() {
        assertThat(refusals().count()).isGreaterThanOrEqualTo(40);
        assertThat(state()).isEqualTo(before);
        urls.forEach((name, url) -> assertThat(new HttpJson(url).get("/health").status()).as(name).isEqualTo(200));
    }

    @Test
    @Order(3)
    void healthIsOpenWithoutAddressesOrDetailsAndSaysHowCallersAreAuthenticated() {
        assertThat(as("payment", null).get("/health").text("security")).isEqualTo("api-keys");
        assertThat(as("sales", null).get("/health").text("security")).isEqualTo("api-keys");
        assertThat(as("orchestrator", null).get("/health").text("security")).isEqualTo("api-keys+jwt");
        assertThat(as("payment", null).get("/actuator/health").body().has("components")).isFalse();
        assertThat(as("payment", SERVICE).get("/actuator/health").body().has("components")).isTrue();
        JsonNode anonymous = as("payment", null).get("/health").body().at("/dependencies/mcp");
        assertThat(anonymous.path("status").asText()).isEqualTo("UP");
        assertThat(anonymous.has("endpoint")).as("no internal address for an anonymous caller").isFalse();
        assertThat(as("payment", SERVICE).get("/health").body().at("/dependencies/mcp/endpoint").asText())
                .isEqualTo(urls.get("secured-payment-mcp") + "/mcp");
        JsonNode fleetView = as("orchestrator", null).get("/health").body().at("/services/payment");
        assertThat(fleetView.path("status").asText()).isEqualTo("healthy");
        assertThat(fleetView.path("instances")).as("no instance addresses for an anonymous caller").isEmpty();
        assertThat(as("orchestrator", VIEWER).get("/health").body().at("/services/payment/instances")).hasSize(1);
    }

    @Test
    @Order(4)
    void theRightCredentialsWorkFromTheOrchestratorThroughTheAgentToTheMcpServer() {
        String id = "secured-" + SUFFIX;
        String plan = "{\"request_id\":\"" + id + "\",\"workflow_plan\":{\"plan_id\":\"" + id + "\","
                + "\"execution_steps\":[{\"step_id\":\"status\",\"service_name\":\"payment\","
                + "\"operation\":\"check_payment_status\",\"parameters\":{\"payment_id\":\"PAY-1009A1\"}}]}}";

        Reply reply = as("orchestrator", OPERATOR).post("/execute-plan", plan);

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(reply.body().path("success").asBoolean()).as(reply.body().toString()).isTrue();
        assertThat(reply.body().at("/execution_results/steps/status/result/payment_id").asText())
                .isEqualTo("PAY-1009A1");
        Reply workflow = as("orchestrator", VIEWER).get("/workflow/" + id);
        assertThat(workflow.status()).as(workflow.body().toString()).isEqualTo(200);
        assertThat(workflow.text("status")).isEqualTo("completed");
        Reply byToken = bearer("orchestrator", TOKENS.valid("dana", "viewer")).get("/workflow/" + id);
        assertThat(byToken.status()).as(byToken.body().toString()).isEqualTo(200);
        assertThat(as("orchestrator", BACK_OFFICE).get("/services").status()).as("the back-office key").isEqualTo(200);
        assertThat(as("inventory", SERVICE).get("/inventory/SKU000001").status()).as("the service key").isEqualTo(200);
    }

    @Test
    @Order(5)
    void theChatKeyTalksToTheSalesAgentWhichReachesInventoryWithTheServiceKey() {
        Reply reply = as("sales", CHAT).post("/api/message",
                "{\"message\":\"Check stock for SKU000001\",\"session_id\":\"s-" + SUFFIX + "\"}");

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(reply.text("intent")).isEqualTo("inventory");
        assertThat(reply.body().at("/data/online_stock").isNumber()).as("the stock, read from inventory: "
                + reply.body()).isTrue();
    }

    @Test
    @Order(6)
    void aServiceInTheProdProfileWithoutItsKeysDoesNotStart() throws Exception {
        for (String of : List.of("payment", "orchestrator")) {
            String name = "prod-without-keys-" + of;
            Process process = fleet.launch(name, of, Map.of("SPRING_PROFILES_ACTIVE", "prod"), List.of());

            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(name + " ended").isTrue();
            assertThat(process.exitValue()).as(name + " exit code").isNotZero();
            assertThat(FleetProcesses.logOf(name)).contains("Refusing to start without credentials")
                    .contains(of.equals("payment") ? "AGENT_API_KEY" : "ORCHESTRATOR_API_KEY");
        }
    }
}
