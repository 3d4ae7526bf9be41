package com.autoretail.sales.support;

import com.autoretail.common.testsupport.HttpJson;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A customer talking to the sales agent over {@code POST /api/message}, within one session. */
public final class Chat {

    private final HttpJson http;
    private String sessionId;

    public Chat(String baseUrl, String sessionId) {
        this.http = new HttpJson(baseUrl);
        this.sessionId = sessionId;
    }

    /** Sends a message and returns the reply's body; the reply must be a 200. */
    public JsonNode say(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        if (sessionId != null) {
            body.put("session_id", sessionId);
        }
        HttpJson.Reply reply = http.post("/api/message", HttpJson.json(body));
        assertThat(reply.status()).as("reply to %s: %s", message, reply.body()).isEqualTo(200);
        sessionId = reply.text("session_id");
        return reply.body();
    }

    public String sessionId() {
        return sessionId;
    }
}
