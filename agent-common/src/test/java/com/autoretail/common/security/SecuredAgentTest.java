package com.autoretail.common.security;

import com.autoretail.common.fixture.TestAgentApp;
import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.testsupport.HttpJson.Reply;
import com.autoretail.common.testsupport.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent with several API keys and an identity provider: each credential where it grants what its roles say and
 * nothing else, answered in the contract's error shapes (the envelope on /execute, problem+json elsewhere).
 */
@SpringBootTest(classes = {TestAgentApp.class, WhoAmI.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"agent.security.keys.service.key=service-key",
                "agent.security.keys.desk.key=viewer-key", "agent.security.keys.desk.roles=viewer",
                "agent.security.keys.widget.key=chat-key", "agent.security.keys.widget.roles=chat",
                "agent.security.keys.root.key=admin-key", "agent.security.keys.root.roles=admin",
                "spring.ai.mcp.server.enabled=false", "server.shutdown=immediate"})
class SecuredAgentTest {

    private static final String ADD = "{\"operation\":\"add_numbers\",\"parameters\":{\"a\":1,\"b\":2}}";
    private static final TestTokens TOKENS = new TestTokens();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TOKENS::publicKeyLocation);
    }

    private HttpJson as(Map<String, String> headers) {
        return new HttpJson("http://localhost:" + port, headers);
    }

    private static Map<String, String> key(String key) {
        return Map.of(ApiKeys.HEADER, key);
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    static Stream<Arguments> refusedOnExecute() {
        return Stream.of(
                Arguments.of("no credential", Map.of(), 401, "UNAUTHORIZED", "Missing credentials"),
                Arguments.of("a wrong key", key("service-kez"), 401, "UNAUTHORIZED", "Wrong X-API-Key"),
                Arguments.of("an empty key", key(""), 401, "UNAUTHORIZED", "Wrong X-API-Key"),
                Arguments.of("the viewer key", key("viewer-key"), 403, "FORBIDDEN", "needs the role admin or service"),
                Arguments.of("the chat key", key("chat-key"), 403, "FORBIDDEN", "'widget' may not call POST /execute"),
                Arguments.of("an expired token", bearer(TOKENS.expired("ci", "service")), 401, "UNAUTHORIZED",
                        "Invalid or expired bearer token"),
                Arguments.of("a forged token", bearer(TOKENS.forged("ci", "service")), 401, "UNAUTHORIZED",
                        "Invalid or expired bearer token"),
                Arguments.of("a token that is no JWT", bearer("not.a.jwt"), 401, "UNAUTHORIZED",
                        "Invalid or expired bearer token"),
                Arguments.of("a token without the role", bearer(TOKENS.valid("dashboard", "viewer")), 403,
                        "FORBIDDEN", "'dashboard' may not call"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void refusedOnExecute(String what, Map<String, String> headers, int status, String code, String message) {
        Reply reply = as(headers).post("/execute", ADD);

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.body().path("success").asBoolean(true)).isFalse();
        assertThat(reply.text("error_code")).isEqualTo(code);
        assertThat(reply.text("error")).contains(message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedOnExecute")
    void refusedElsewhereWithAProblem(String what, Map<String, String> headers, int status, String code,
                                      String message) {
        Reply reply = as(headers).get("/capabilities");

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.text("detail")).contains(message.replace("POST /execute", "GET /capabilities"));
        assertThat(reply.text("request_id")).isNotBlank();
    }

    @Test
    void anOpenEndpointAnswersAnyoneWithoutARoleButOnlyForItsMethod() {
        Reply anonymous = as(Map.of()).get("/page/index");

        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.text("name")).isEqualTo("anonymous");
        assertThat(anonymous.body().path("roles").size()).as("open grants no role").isZero();
        assertThat(as(key("viewer-key")).get("/page/index").text("name")).isEqualTo("desk");
        assertThat(as(key("wrong-key")).get("/page/index").status()).as("a wrong key is still wrong").isEqualTo(401);
        assertThat(as(Map.of()).post("/page/index", "{}").status()).as("another method is not open").isEqualTo(401);
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("the service key", key("service-key")),
                Arguments.of("the admin key", key("admin-key")),
                Arguments.of("a token with the service role", bearer(TOKENS.valid("ci", "service"))),
                Arguments.of("a token with the admin role", bearer(TOKENS.valid("ops", "admin"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void accepted(String what, Map<String, String> headers) {
        Reply reply = as(headers).post("/execute", ADD);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("result").path("sum").asInt()).isEqualTo(3);
        assertThat(as(headers).get("/capabilities").status()).isEqualTo(200);
    }

    @Test
    void healthIsOpenAndSaysHowCallersAreAuthenticated() {
        Reply health = as(Map.of()).get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("security")).isEqualTo("api-keys+jwt");
        assertThat(as(Map.of()).get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(as(Map.of()).get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void healthDetailsOnlyForAnAuthenticatedCallerOfTheFleet() {
        assertThat(as(Map.of()).get("/actuator/health").body().has("components")).isFalse();
        assertThat(as(key("chat-key")).get("/actuator/health").body().has("components")).isFalse();
        assertThat(as(key("service-key")).get("/actuator/health").body().has("components")).isTrue();
        assertThat(as(key("viewer-key")).get("/actuator/health").body().has("components")).isTrue();
    }

    @Test
    void metricsOnlyForAnAuthenticatedCallerOfTheFleet() {
        assertThat(as(Map.of()).get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(as(key("chat-key")).get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(as(key("viewer-key")).get("/actuator/metrics").status()).isEqualTo(200);
    }

    @Test
    void theCallerIsTheCredentialsNameAndRoles() {
        Reply byKey = as(key("viewer-key")).get("/whoami");
        Reply byToken = as(bearer(TOKENS.valid("dashboard", "viewer", "Operator"))).get("/whoami");

        assertThat(byKey.text("name")).isEqualTo("desk");
        assertThat(byKey.body().path("roles").toString()).isEqualTo("[\"viewer\"]");
        assertThat(byToken.text("name")).isEqualTo("dashboard");
        assertThat(byToken.body().path("roles").toString()).contains("\"viewer\"", "\"operator\"");
        assertThat(as(key("service-key")).get("/whoami").status()).isEqualTo(403);
    }

    @Test
    void anEndpointNoRuleNamesIsForAdminsOnly() {
        assertThat(as(key("service-key")).get("/no-such-endpoint").status()).isEqualTo(403);
        assertThat(as(key("admin-key")).get("/no-such-endpoint").status()).isEqualTo(404);
    }
}
