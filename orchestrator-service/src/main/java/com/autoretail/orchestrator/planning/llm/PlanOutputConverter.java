package com.autoretail.orchestrator.planning.llm;

import com.autoretail.orchestrator.plan.WorkflowPlan;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.springframework.ai.converter.BeanOutputConverter;
import org.springframework.ai.converter.CompositeResponseTextCleaner;
import org.springframework.ai.converter.ResponseTextCleaner;
import org.springframework.ai.converter.StructuredOutputConverter;
import org.springframework.ai.converter.ThinkingTagCleaner;
import org.springframework.ai.converter.WhitespaceCleaner;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the LLM's answer into the plan records through Spring AI's {@link BeanOutputConverter}: the answer, cleaned,
 * is mapped by Jackson onto {@link Answer} ({@code {"workflow_plan": {...}}}), and so onto {@link WorkflowPlan} and
 * its steps, the records the validator and the executor take. The cleaning is more forgiving than the bean
 * converter's default, which throws on prose before the JSON: reasoning tags ({@code <think>}) go, the JSON is taken
 * out of markdown fences and from between prose, and a bare plan gets its wrapper, since asking the LLM again costs
 * seconds and the plan is validated and grounded anyway. Anything that is not a plan throws {@link Unreadable}, with
 * the answer kept for the repair prompt.
 */
final class PlanOutputConverter implements StructuredOutputConverter<PlanOutputConverter.PlanEnvelope> {

    /** The parsed plan and the answer it came from. */
    record PlanEnvelope(WorkflowPlan workflowPlan, String answer) {
    }

    /** The shape the planning prompt asks for. */
    record Answer(@JsonProperty(WRAPPER) WorkflowPlan workflowPlan) {
    }

    /** The answer holds no readable plan. */
    static final class Unreadable extends RuntimeException {

        private final String answer;

        Unreadable(String message, String answer) {
            super(message);
            this.answer = answer;
        }

        String answer() {
            return answer;
        }
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final Pattern FENCED = Pattern.compile("```(?:json|JSON)?\\s*(.*?)```", Pattern.DOTALL);

    private static final String WRAPPER = "workflow_plan";
    private static final String STEPS = "execution_steps";

    // Prose may hold braces of its own; a few tries find the plan without scanning a long answer quadratically.
    private static final int MAX_OBJECT_STARTS = 8;

    private final BeanOutputConverter<Answer> beans = new BeanOutputConverter<>(Answer.class, MAPPER,
            CompositeResponseTextCleaner.builder().addCleaner(new WhitespaceCleaner())
                    .addCleaner(new ThinkingTagCleaner()).addCleaner(PlanOutputConverter::planObject).build());

    @Override
    public PlanEnvelope convert(String answer) {
        if (answer == null || answer.isBlank()) {
            throw new Unreadable("the answer is empty", "");
        }
        Answer parsed;
        try {
            parsed = beans.convert(answer);
        } catch (Unreadable unreadable) {
            throw new Unreadable(unreadable.getMessage(), answer);
        } catch (RuntimeException e) {
            // the bean converter wraps Jackson's exception, whose first line says what does not fit
            Throwable cause = e.getCause() instanceof JsonProcessingException json ? json : e;
            throw new Unreadable("the plan does not fit the workflow plan shape: " + firstLine(cause.getMessage()),
                    answer);
        }
        if (parsed == null || parsed.workflowPlan() == null) {
            throw new Unreadable("workflow_plan has no execution_steps", answer);
        }
        return new PlanEnvelope(parsed.workflowPlan(), answer);
    }

    /** No format instructions: the planning prompt already shows the JSON shape, once. */
    @Override
    public String getFormat() {
        return "";
    }

    /**
     * The {@link ResponseTextCleaner} step that leaves only the plan's JSON object, wrapped in {@code workflow_plan}.
     *
     * @throws Unreadable when the text holds no such object
     */
    static String planObject(String text) {
        Matcher fenced = FENCED.matcher(text);
        JsonNode node = firstPlanObject(fenced.find() ? fenced.group(1) : text);
        if (node == null) {
            throw new Unreadable("the answer holds no JSON object with workflow_plan or execution_steps", text);
        }
        JsonNode plan = node.has(WRAPPER) ? node.get(WRAPPER) : node;
        if (!plan.isObject() || !plan.has(STEPS)) {
            throw new Unreadable("workflow_plan has no execution_steps", text);
        }
        return MAPPER.createObjectNode().set(WRAPPER, plan).toString();
    }

    private static JsonNode firstPlanObject(String text) {
        int start = text.indexOf('{');
        for (int tries = 0; start >= 0 && tries < MAX_OBJECT_STARTS; tries++) {
            JsonNode node = readObject(text.substring(start));
            if (node != null && (node.has(WRAPPER) || node.has(STEPS))) {
                return node;
            }
            start = text.indexOf('{', start + 1);
        }
        return null;
    }

    private static JsonNode readObject(String text) {
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonNode node = MAPPER.readTree(parser);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
