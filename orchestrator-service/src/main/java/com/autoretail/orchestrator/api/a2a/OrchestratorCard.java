package com.autoretail.orchestrator.api.a2a;

import com.autoretail.common.a2a.AgentCards;
import com.autoretail.common.security.SecurityMode;
import io.a2a.spec.AgentCard;
import io.a2a.spec.AgentSkill;

import java.util.List;

/** The orchestrator's Agent Card: one skill, a dealership's back-office request in plain language. */
final class OrchestratorCard {

    static final String NAME = "orchestrator-service";
    static final String SKILL = "dealership_request";
    /** Requests as people write them (the first is the architecture document's example). */
    static final List<String> EXAMPLES = List.of(
            "Add part number 1234 to RO number 1234, and send payment link of 100$ to ambujmehra16@gmail.com",
            "Mark RO 1005 as in progress and assign TECH003",
            "Show the repair history of RO 1001",
            "Check stock for SKU000001");

    private OrchestratorCard() {
    }

    static AgentCard card(String baseUrl, String version, SecurityMode security) {
        AgentSkill skill = new AgentSkill.Builder()
                .id(SKILL)
                .name("Dealership request")
                .description("A request in plain language about repair orders, parts, payments, stock and sales: "
                        + "planned into a workflow over the dealership's agents, run with retries, approvals and "
                        + "undo, and answered with a step-by-step summary. The task id is the workflow's request_id; "
                        + "a workflow that waits for a person's approval is input-required.")
                .tags(List.of("dealership", "workflow", "repair_orders", "parts", "payment", "inventory", "sales"))
                .examples(EXAMPLES)
                .inputModes(List.of("text/plain"))
                .outputModes(List.of("text/plain", "application/json"))
                .build();
        return AgentCards.base(NAME, "A dealership's back office: plans plain-language requests into workflows "
                + "across its agents and runs them", version, baseUrl, security, true, List.of(), List.of(skill),
                List.of("text/plain"));
    }
}
