package com.autoretail.orchestrator.workflow;

import com.autoretail.common.security.Caller;
import com.autoretail.common.web.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.Map;

/** A caller without the approver role tried to approve or reject a workflow it sees: refused (403), nothing changed. */
class ApprovalForbidden extends ProblemException {

    ApprovalForbidden(String requestId) {
        super("Deciding the approval of workflow " + requestId + " needs the " + Caller.APPROVER + " role", null);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.FORBIDDEN;
    }

    @Override
    public String title() {
        return "Approver role required";
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("error_code", "APPROVER_ROLE_REQUIRED");
    }
}
