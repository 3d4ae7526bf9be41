package com.autoretail.e2e;

import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.testsupport.HttpJson.Reply;
import com.autoretail.e2e.BadInputCases.Case;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile and broken requests against every public endpoint of every service of the fleet (the table in
 * every {@code bad-input/*.json} and {@link BadInputCases#programmatic()}): each must be refused with the 4xx it
 * deserves and a clear message, never a 5xx or a stack trace; afterwards no stock, repair order, payment link or
 * refund has changed and every service is still healthy. Cases marked {@code expectedBug} are known bugs of the
 * services: they are reported as aborted with the bug's description, and not sent, since some of them change state
 * (unless {@code -DbadInput.sendKnownBugs=true}). {@link Isolated}: the state checks need the fleet to itself.
 */
@Isolated
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputTest {

    /** What a stack trace or an exception leaking onto the wire looks like, as text or serialized by Jackson. */
    private static final List<String> LEAKS = List.of("Exception", "at com.", "at org.", "java.lang", "\"stackTrace\"");
    /** {@code -DbadInput.sendKnownBugs=true} sends and asserts the known bugs too, to check their fixes. */
    private static final boolean SEND_KNOWN_BUGS = Boolean.getBoolean("badInput.sendKnownBugs");
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    private static final List<String> SERVICES = FleetTable.read().names();

    static FleetProcesses fleet;
    static FleetState state;
    static Map<String, String> before;

    @BeforeAll
    static void startFleetAndTakeTheSnapshot() {
        fleet = FleetProcesses.get();
        HttpJson orchestrator = new HttpJson(fleet.url("orchestrator"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(orchestrator.get("/health").text("status")));
        state = new FleetState(fleet);
        before = state.snapshot();
    }

    static Stream<Case> cases() {
        return BadInputCases.all();
    }

    /** The fixture's own sanity: every file read, unique names, and at least 100 cases. */
    @Order(0)
    @Test
    void fixtureHasUniquelyNamedCases() {
        assertThat(BadInputCases.fixtureFiles()).extracting(file -> file.getFileName().toString())
                .contains("cases.json", "quotas-and-hygiene.json");
        List<String> names = BadInputCases.all().map(Case::name).toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(100).doesNotHaveDuplicates();
        assertThat(BadInputCases.all().map(Case::service).distinct()).containsExactlyInAnyOrderElementsOf(SERVICES);
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithAClearClientError(Case c) {
        if (c.expectedBug() != null && !SEND_KNOWN_BUGS) {
            System.out.println("KNOWN BUG, not sent: " + c.name() + ": " + c.expectedBug());
            Assumptions.abort("KNOWN BUG, not sent: " + c.expectedBug());
        }

        Reply reply = send(c);

        String text = reply.body().isTextual() ? reply.body().asText() : reply.body().toString();
        String what = c.name() + " -> " + reply.status() + " " + reply.contentType() + " " + abbreviate(text);
        assertThat(reply.status()).as(what).isEqualTo(c.expect());
        assertThat(text).as(what).isNotBlank().doesNotContain(LEAKS);
        if (c.contains() != null) {
            assertThat(text).as(what).contains(c.contains());
        }
        switch (c.format()) {
            case ENVELOPE -> {
                assertThat(reply.contentType()).as(what).startsWith("application/json");
                assertThat(reply.body().path("success").asBoolean(true)).as(what).isFalse();
                assertThat(reply.text("error_code")).as(what).isNotBlank();
                assertThat(reply.text("error")).as(what).isNotBlank();
            }
            case PROBLEM -> {
                assertThat(reply.contentType()).as(what).startsWith("application/problem+json");
                assertThat(reply.body().path("status").asInt()).as(what).isEqualTo(reply.status());
                assertThat(reply.text("detail")).as(what).isNotBlank();
            }
            case ANY -> {
                // the MCP stubs' transport and the servlet container answer in their own formats
            }
        }
    }

    @Order(2)
    @Test
    void changedNoStateAndLeftEveryServiceHealthy() {
        for (String name : SERVICES) {
            Reply health = new HttpJson(fleet.url(name)).get("/health");
            assertThat(health.status()).as(name + " /health: " + health.body()).isEqualTo(200);
        }
        HttpJson orchestrator = new HttpJson(fleet.url("orchestrator"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(orchestrator.get("/health").text("status")).isEqualTo("UP"));

        assertThat(state.snapshot()).as("the state read before the hostile requests and after them")
                .containsExactlyInAnyOrderEntriesOf(before);
    }

    private static Reply send(Case c) {
        HttpJson client = new HttpJson(fleet.url(c.service()));
        HttpRequest.Builder request = client.request(c.path()).timeout(ANSWER_WITHIN);
        if (c.body() != null && c.headers().keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            request.header("Content-Type", "application/json");
        }
        c.headers().forEach(request::header);
        request.method(c.method(), publisher(c));
        try {
            return client.send(request);
        } catch (UncheckedIOException e) {
            throw new AssertionError(c.name() + ": no answer within " + ANSWER_WITHIN.toSeconds() + " s ("
                    + e.getCause() + ")", e);
        }
    }

    private static BodyPublisher publisher(Case c) {
        if (c.body() == null) {
            return BodyPublishers.noBody();
        }
        BodyPublisher bytes = BodyPublishers.ofByteArray(c.body());
        // Without a known length the client streams the body chunked, so only the server's counting can stop it.
        return c.chunked() ? BodyPublishers.fromPublisher(bytes) : bytes;
    }

    private static String abbreviate(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "...";
    }
}
