package com.autoretail.common.security;

import com.autoretail.common.fixture.TestAgentApp;
import com.autoretail.common.testsupport.HttpJson;
import com.autoretail.common.web.ErrorResponses;
import com.autoretail.common.testsupport.HttpJson.Reply;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests per caller: a flood from one client is cut off with 429 and Retry-After in the service's error shape,
 * health stays open, named credentials count apart, the fleet's own services are not limited, and the limiters kept
 * stay bounded however many addresses come.
 */
@SpringBootTest(classes = TestAgentApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"agent.rate-limit.anonymous=5", "agent.rate-limit.period=1h",
                "spring.ai.mcp.server.enabled=false", "server.shutdown=immediate"})
class RateLimitTest {

    private static final String ADD = "{\"operation\":\"add_numbers\",\"parameters\":{\"a\":1,\"b\":2}}";

    @LocalServerPort
    int port;

    @AfterEach
    void forgetTheCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aFloodFromOneClientIsCutOffWith429AndRetryAfterWhileHealthStaysOpen() throws Exception {
        HttpJson http = new HttpJson("http://localhost:" + port);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(http.get("/capabilities").status());
        }

        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertThat(statuses.subList(5, 12)).containsOnly(429);

        Reply problem = http.get("/capabilities");
        assertThat(problem.status()).isEqualTo(429);
        assertThat(problem.contentType()).startsWith("application/problem+json");
        assertThat(problem.text("error_code")).isEqualTo("RATE_LIMITED");
        assertThat(problem.text("request_id")).isNotBlank();
        HttpResponse<String> raw = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/capabilities")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(429);
        assertThat(raw.headers().firstValue("Retry-After")).contains("3600");

        Reply envelope = http.post("/execute", ADD);
        assertThat(envelope.status()).isEqualTo(429);
        assertThat(envelope.text("error_code")).isEqualTo("RATE_LIMITED");
        assertThat(envelope.body().path("success").asBoolean()).isFalse();

        assertThat(http.get("/health").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void namedCredentialsCountApartAndFleetServicesAreNotLimited() throws Exception {
        RateLimitFilter filter = filter(3, 2, 100);

        assertThat(allowed(filter, as("ops-desk", Caller.OPERATOR), "10.0.0.1", 5)).isEqualTo(3);
        assertThat(allowed(filter, as("viewer-desk", Caller.VIEWER), "10.0.0.1", 5)).isEqualTo(3);
        assertThat(allowed(filter, as("orchestrator", Caller.SERVICE), "10.0.0.1", 50)).isEqualTo(50);
        // the chat's one key serves every customer: counted per address
        assertThat(allowed(filter, as("chat-widget", Caller.CHAT), "203.0.113.1", 5)).isEqualTo(2);
        assertThat(allowed(filter, as("chat-widget", Caller.CHAT), "203.0.113.2", 5)).isEqualTo(2);
        // nobody authenticated: per address
        assertThat(allowed(filter, null, "198.51.100.7", 5)).isEqualTo(2);
        assertThat(allowed(filter, null, "198.51.100.8", 5)).isEqualTo(2);
    }

    @Test
    void theLimitersKeptStayBoundedWhateverTheNumberOfAddresses() throws Exception {
        RateLimitFilter filter = filter(10, 10, 100);
        for (int i = 0; i < 2000; i++) {
            allowed(filter, null, "10.1." + (i / 250) + "." + (i % 250), 1);
        }

        assertThat(filter.trackedCallers()).isLessThanOrEqualTo(100);
    }

    private static RateLimitFilter filter(int perCredential, int anonymous, long maxTracked) {
        return new RateLimitFilter(new RateLimitFilter.Settings(Duration.ofHours(1), perCredential, anonymous,
                maxTracked), new ErrorResponses(new ObjectMapper()));
    }

    private static UsernamePasswordAuthenticationToken as(String name, String role) {
        return UsernamePasswordAuthenticationToken.authenticated(name, null,
                List.of(new SimpleGrantedAuthority(Caller.authority(role))));
    }

    /** How many of {@code count} requests from the caller and address got through. */
    private static int allowed(RateLimitFilter filter, UsernamePasswordAuthenticationToken caller, String address,
                               int count) throws Exception {
        if (caller == null) {
            SecurityContextHolder.clearContext();
        } else {
            SecurityContextHolder.getContext().setAuthentication(caller);
        }
        int through = 0;
        for (int i = 0; i < count; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/capabilities");
            request.setRemoteAddr(address);
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(request, response, new MockFilterChain());
            if (response.getStatus() == 200) {
                through++;
            } else {
                assertThat(response.getStatus()).isEqualTo(429);
            }
        }
        return through;
    }
}
