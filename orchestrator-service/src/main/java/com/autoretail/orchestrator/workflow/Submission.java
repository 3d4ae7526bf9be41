package com.autoretail.orchestrator.workflow;

import com.autoretail.common.security.Caller;
import com.autoretail.orchestrator.plan.WorkflowPlan;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a caller asked for under a request_id, as the journal keeps it so that any orchestrator can run or resume the
 * workflow: a request in plain language ({@code /orchestrate}, {@code /orchestrate-async}) or the caller's own plan
 * ({@code /execute-plan}), with its context and where to call back.
 *
 * @param plan   the caller's plan, for {@link Kind#EXECUTE_PLAN}; null otherwise
 * @param caller who asked, with its roles: the policy checks the plan against them wherever the workflow runs
 */
public record Submission(Kind kind, String userRequest, WorkflowPlan plan, Map<String, Object> context,
                         String callbackUrl, Caller caller) {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    /** Where the workflow's steps come from. */
    public enum Kind { ORCHESTRATE, EXECUTE_PLAN }

    public Submission {
        context = context == null ? Map.of() : context;
        // a journal entry from before callers were recorded: it was accepted when the fleet was open
        caller = caller == null ? Caller.OPEN : caller;
    }

    /**
     * What makes two submissions the same request: the kind, the request, the plan and the context (not where the
     * answer goes). A request_id sent again with another fingerprint is refused, never answered with the first
     * workflow.
     */
    public String fingerprint() {
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("kind", kind.name());
        what.put("user_request", userRequest);
        what.put("plan", plan);
        what.put("context", context);
        try {
            // through plain maps, so that every level's keys are sorted, whatever order the caller wrote them in
            String canonical = CANONICAL.writeValueAsString(CANONICAL.convertValue(what, Object.class));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint a submission", e);
        }
    }
}
