package com.autoretail.orchestrator.workflow;

import com.autoretail.common.web.ProblemException;
import com.autoretail.common.wire.ErrorCode;
import org.springframework.http.HttpStatus;

import java.util.Map;

/** A request_id sent again with another request: refused (422), never answered with the first workflow. */
class RequestIdReused extends ProblemException {

    RequestIdReused(String requestId) {
        super("request_id " + requestId + " was already used for another request; use a new request_id", null);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.UNPROCESSABLE_ENTITY;
    }

    @Override
    public String title() {
        return "Request id reused";
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("error_code", ErrorCode.IDEMPOTENCY_KEY_REUSED.name());
    }
}
