package com.autoretail.orchestrator.api;

import com.autoretail.common.security.Caller;
import com.autoretail.common.security.SecurityMode;
import com.autoretail.common.web.AgentException;
import com.autoretail.common.wire.ErrorCode;
import com.autoretail.orchestrator.workflow.WorkflowService;
import com.autoretail.orchestrator.workflow.WorkflowSummary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** What a caller reads beside one workflow (a console's lists): the recent workflows it sees, and who it is. */
@RestController
class ReadingController {

    private static final int DEFAULT_LISTED = 50;
    private static final int MAX_LISTED = 200;

    private final WorkflowService workflows;
    private final SecurityMode security;

    ReadingController(WorkflowService workflows, SecurityMode security) {
        this.workflows = workflows;
        this.security = security;
    }

    /** Who the caller is, as the orchestrator authenticated it: what a console shows and which buttons it offers. */
    public record WhoAmI(String name, List<String> roles, String security) {
    }

    /** The caller's name and roles ({@code anonymous} with every role on an open orchestrator). */
    @GetMapping("/whoami")
    WhoAmI whoami() {
        Caller caller = Caller.current();
        return new WhoAmI(caller.name(), caller.roles().stream().sorted().toList(), security.wireName());
    }

    /** The newest workflows the caller sees (its own, or all of them for the roles that see all), newest first. */
    @GetMapping("/workflows")
    List<WorkflowSummary> recentWorkflows(@RequestParam(defaultValue = "" + DEFAULT_LISTED) int limit) {
        if (limit < 1 || limit > MAX_LISTED) {
            throw new AgentException(ErrorCode.VALIDATION_ERROR, "limit: must be between 1 and " + MAX_LISTED);
        }
        return workflows.recent(limit, Caller.current());
    }
}
