package com.autoretail.orchestrator.planning.llm;

import com.autoretail.orchestrator.plan.WorkflowPlan;
import com.autoretail.orchestrator.registry.ServiceCatalog;
import com.autoretail.orchestrator.usage.UsageTally;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ResponseEntity;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.converter.StructuredOutputConverter;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plans with an LLM through Spring AI's {@link ChatClient}: the planning prompt with the healthy services'
 * operations, the answer read into a {@link WorkflowPlan}. Every call is bounded by
 * {@code orchestrator.planner.llm-timeout}, whatever the HTTP client's own timeouts are, so a slow model hands over
 * to the rule planner instead of holding the request.
 */
public final class LlmPlanner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LlmPlanner.class);

    private static final int MAX_PROBLEM = 300;

    private static final Pattern HTTP_STATUS = Pattern.compile("^(?:HTTP\\s*)?([45]\\d\\d)\\b");

    /** What one LLM call gave. */
    public sealed interface Answer {
    }

    /** A plan, not yet validated. */
    public record Planned(WorkflowPlan plan, String answer) implements Answer {
    }

    /** An answer that holds no readable plan. */
    public record Unreadable(String problem, String answer) implements Answer {
    }

    /** No answer: an HTTP error, a 429, a timeout. */
    public record Failed(String problem) implements Answer {
    }

    private final ChatClient chatClient;

    private final PlanningPrompts prompts;

    private final Duration timeout;

    private final PlanOutputConverter converter = new PlanOutputConverter();

    // Virtual threads: a call that runs past its timeout is interrupted and abandoned without holding a platform
    // thread. They carry the caller's observation, so that the ChatClient's spans sit in the workflow's trace.
    private final ExecutorService calls = ContextExecutorService.wrap(Executors.newVirtualThreadPerTaskExecutor(),
            ContextSnapshotFactory.builder().build()::captureAll);

    /**
     * @param maxSteps the most steps the prompt allows
     * @param timeout  bound of one LLM call
     */
    public LlmPlanner(ChatClient chatClient, int maxSteps, Duration timeout) {
        this(chatClient, PlanningPrompts.standard(maxSteps), timeout);
    }

    LlmPlanner(ChatClient chatClient, PlanningPrompts prompts, Duration timeout) {
        this.chatClient = chatClient;
        this.prompts = prompts;
        this.timeout = timeout;
    }

    /** A plan for the request; the tokens the call used are added to {@code usage}. */
    public Answer plan(String request, ServiceCatalog catalog, UsageTally usage) {
        String prompt = prompts.planning(request, catalog);
        return call(() -> read(chatClient.prompt().system(prompts.system()).user(prompt).call()
                .responseEntity(lenient), usage));
    }

    /** Asks again in the same conversation: the prompt, the rejected answer, and why it was rejected. */
    public Answer repair(String request, ServiceCatalog catalog, String rejectedAnswer, List<String> problems,
                         UsageTally usage) {
        String prompt = prompts.planning(request, catalog);
        return call(() -> read(chatClient.prompt()
                .system(prompts.system())
                .messages(new UserMessage(prompt), new AssistantMessage(PlanningPrompts.echo(rejectedAnswer)))
                .user(prompts.repair(problems))
                .call()
                .responseEntity(lenient), usage));
    }

    /** The plan of an answer, its tokens tallied whether or not it holds a readable plan. */
    private static PlanOutputConverter.PlanEnvelope read(ResponseEntity<ChatResponse, Converted> answer,
                                                         UsageTally usage) {
        ChatResponse response = answer.response();
        Usage tokens = response == null || response.getMetadata() == null ? null : response.getMetadata().getUsage();
        usage.add(tokens == null ? null : tokens.getPromptTokens(), tokens == null ? null : tokens.getCompletionTokens());
        Converted converted = answer.entity();
        if (converted != null && converted.unreadable() != null) {
            throw converted.unreadable();
        }
        return converted == null ? null : converted.envelope();
    }

    /** The converter's outcome as a value, so that an unreadable answer still gives its response (and usage). */
    private record Converted(PlanOutputConverter.PlanEnvelope envelope, PlanOutputConverter.Unreadable unreadable) {
    }

    private final StructuredOutputConverter<Converted> lenient = new StructuredOutputConverter<>() {
        @Override
        public Converted convert(String text) {
            try {
                return new Converted(converter.convert(text), null);
            } catch (PlanOutputConverter.Unreadable unreadable) {
                return new Converted(null, unreadable);
            }
        }

        @Override
        public String getFormat() {
            return converter.getFormat();
        }
    };

    private Answer call(Callable<PlanOutputConverter.PlanEnvelope> chat) {
        Future<PlanOutputConverter.PlanEnvelope> future = calls.submit(chat);
        try {
            PlanOutputConverter.PlanEnvelope envelope = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (envelope == null) {
                return new Unreadable("the answer is empty", "");
            }
            return new Planned(envelope.workflowPlan(), envelope.answer());
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Failed("the LLM did not answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new Failed("interrupted while waiting for the LLM");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            for (Throwable link = cause; link != null; link = link.getCause()) {
                if (link instanceof PlanOutputConverter.Unreadable unreadable) {
                    return new Unreadable(unreadable.getMessage(), unreadable.answer());
                }
            }
            log.warn("LLM planning call failed: {}", describe(cause));
            return new Failed("the LLM call failed" + status(cause));
        }
    }

    /**
     * The HTTP status of a failed call, the only part of it callers see: the provider's error text may name the key,
     * the account or the model, so it goes to the log only.
     */
    private static String status(Throwable failure) {
        Matcher status = HTTP_STATUS.matcher(String.valueOf(failure.getMessage()));
        return status.find() ? " with HTTP " + status.group(1) : "; see the orchestrator's log";
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        String text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.length() <= MAX_PROBLEM ? text : text.substring(0, MAX_PROBLEM) + "…";
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
