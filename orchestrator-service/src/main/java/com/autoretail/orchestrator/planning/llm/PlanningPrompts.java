package com.autoretail.orchestrator.planning.llm;

import com.autoretail.orchestrator.registry.ServiceCatalog;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The architecture document's planning prompt, from {@code planning/planning-prompt.st}, filled by plain
 * replacement: the prompt shows JSON, whose braces a template engine would take for its own. The system message,
 * {@code planning/planning-system.st}, says what instructs the LLM and what is data: the services' descriptions come
 * from dealer systems and are quoted as a JSON block ({@link CapabilitiesSummary}).
 */
final class PlanningPrompts {

    static final String TEMPLATE = "planning/planning-prompt.st";
    static final String SYSTEM = "planning/planning-system.st";

    private static final int MAX_ANSWER_ECHO = 6000;

    private final String system;

    private final String template;

    private final int maxSteps;

    PlanningPrompts(Resource system, Resource template, int maxSteps) {
        this.system = read(system).strip();
        this.template = read(template);
        this.maxSteps = maxSteps;
    }

    static PlanningPrompts standard(int maxSteps) {
        return new PlanningPrompts(new ClassPathResource(SYSTEM), new ClassPathResource(TEMPLATE), maxSteps);
    }

    /** The system message: who the LLM is and that the services' descriptions are data. */
    String system() {
        return system;
    }

    /** The prompt for the request; the request goes in last, so that text in it is never taken for a placeholder. */
    String planning(String request, ServiceCatalog catalog) {
        return template.replace("{capabilities_summary}", CapabilitiesSummary.of(catalog))
                .replace("{max_steps}", Integer.toString(maxSteps))
                .replace("{request}", request.strip().replace('"', '\''));
    }

    /** The follow-up that sends the LLM's rejected plan back with every reason it was rejected. */
    String repair(List<String> problems) {
        StringBuilder text = new StringBuilder("Your workflow plan was rejected for these reasons:\n");
        problems.forEach(problem -> text.append("- ").append(problem).append('\n'));
        return text.append("Answer again with the complete corrected JSON workflow plan, and nothing else. Use only ")
                .append("the services, operations and parameter names listed in the first message.").toString();
    }

    private static String read(Resource prompt) {
        try {
            return prompt.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Planning prompt " + prompt + " cannot be read", e);
        }
    }

    /** The rejected answer as it goes back into the conversation, cut when an LLM rambled. */
    static String echo(String answer) {
        return answer.length() <= MAX_ANSWER_ECHO ? answer : answer.substring(0, MAX_ANSWER_ECHO) + "…";
    }
}
