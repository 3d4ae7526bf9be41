package com.autoretail.orchestrator;

import com.autoretail.orchestrator.plan.ExecutionStep;
import com.autoretail.orchestrator.plan.StepDefaults;
import com.autoretail.orchestrator.planning.Planner;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The orchestrator's settings, under {@code orchestrator.*}, each with one default (here) and the architecture
 * document's environment variable as its override (in {@code application.yml}). Durations without a unit are
 * seconds, as the document's variables are ({@code SERVICE_DISCOVERY_INTERVAL=30}).
 *
 * @param services           each service's key in plans and its instances' base URLs
 * @param discoveryInterval  how often every instance's health and capabilities are read
 * @param healthCheckTimeout bound of one health or capabilities call, and of connecting to an agent
 * @param apiKeys            the key sent to the agents
 * @param context            business context sent with every agent call (tenant, dealer, user)
 * @param policy             what plans may do and what waits for a person's approval
 * @param a2a                A2A agents to discover by their card, and how long the orchestrator's own A2A streams
 *                           stay open
 */
@Validated
@ConfigurationProperties("orchestrator")
public record OrchestratorProperties(
        Map<String, Service> services,
        @DurationUnit(ChronoUnit.SECONDS) @DefaultValue("30") Duration discoveryInterval,
        @DurationUnit(ChronoUnit.SECONDS) @DefaultValue("5") Duration healthCheckTimeout,
        @DefaultValue ApiKeys apiKeys,
        Map<String, String> context,
        @Valid @DefaultValue Planner planner,
        @Valid @DefaultValue Execution execution,
        @Valid @DefaultValue Workflows workflows,
        @Valid @DefaultValue Policy policy,
        @Valid @DefaultValue A2a a2a) {

    @ConstructorBinding
    public OrchestratorProperties {
        services = services == null ? Map.of() : services;
        context = context == null ? Map.of() : context;
        a2a = a2a == null ? new A2a(List.of(), Duration.ofMinutes(10)) : a2a;
    }

    /** Settings without A2A agents. */
    public OrchestratorProperties(Map<String, Service> services, Duration discoveryInterval,
                                  Duration healthCheckTimeout, ApiKeys apiKeys, Map<String, String> context,
                                  Planner planner, Execution execution, Workflows workflows, Policy policy) {
        this(services, discoveryInterval, healthCheckTimeout, apiKeys, context, planner, execution, workflows, policy,
                null);
    }

    /**
     * A2A ({@code orchestrator.a2a.*}).
     *
     * @param agents        A2A agents to use as services, each {@code <key in plans>=<its Agent Card's URL>}
     *                      ({@code A2A_AGENTS}, comma-separated): the card's skills become the service's operations
     * @param streamTimeout how long an A2A stream ({@code message/stream}) stays open at most (checked at each event
     *                      and keep-alive)
     */
    public record A2a(List<String> agents, @DefaultValue("10m") @NotNull Duration streamTimeout) {
        public A2a {
            agents = agents == null ? List.of() : agents.stream().filter(a -> !a.isBlank()).map(String::trim).toList();
        }
    }

    /** @param urls base URLs of the service's instances, e.g. {@code http://localhost:8085} */
    public record Service(List<String> urls) {
        public Service {
            urls = urls == null ? List.of() : urls;
        }
    }

    /**
     * {@code X-API-Key}s, each named by the way it goes.
     *
     * @param accepted     no longer read: the keys callers send are {@code agent.security.keys} (the back office's is
     *                     {@code ORCHESTRATOR_API_KEY}); kept so that the record keeps its shape
     * @param sentToAgents sent to the agents on every call, when set
     */
    public record ApiKeys(String accepted, String sentToAgents) {

        /** The key callers must send, when one is set. */
        public Optional<String> acceptedIfSet() {
            return accepted == null || accepted.isBlank() ? Optional.empty() : Optional.of(accepted);
        }

        /** The key to send to the agents, when one is set. */
        public Optional<String> sentToAgentsIfSet() {
            return sentToAgents == null || sentToAgents.isBlank() ? Optional.empty() : Optional.of(sentToAgents);
        }
    }

    /**
     * How requests become plans.
     *
     * @param maxSteps       the most steps a plan may have, LLM, rules or a caller's
     * @param llmTimeout     how long one LLM call may take before the rule planner takes over
     * @param repairAttempts how many times an LLM plan that fails parsing or validation is sent back with its errors
     * @param semantic       the sentence-embedding intent matcher of the built-in planner
     */
    public record Planner(
            @DefaultValue("20") @Min(1) @Max(100) int maxSteps,
            @DefaultValue("60s") @NotNull Duration llmTimeout,
            @DefaultValue("1") @Min(0) @Max(3) int repairAttempts,
            @Valid @DefaultValue Semantic semantic) {

        /**
         * The intent matcher ({@code planning.semantic}).
         *
         * @param enabled   whether the model is loaded (in the background after start, about 125 MB resident);
         *                  off, the rule planner decides alone
         * @param threshold the cosine under which a clause's closest operation is not trusted: small talk scores
         *                  under 0.4, nearly every request that asks for an operation above 0.5 (orchestrator README)
         */
        public record Semantic(@DefaultValue("true") boolean enabled,
                               @DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1") double threshold) {
        }
    }

    /**
     * How steps are called and undone.
     *
     * @param stepTimeoutSeconds     a step's {@code timeout_seconds} when its plan names none
     * @param stepRetryAttempts      a step's {@code retry_attempts} when its plan names none
     * @param retryBackoff           the first retry's wait; each next one doubles, with jitter
     * @param workflowDeadline       how long a workflow may run before it stops and undoes what it did
     * @param compensationRetryFor   how long undoing one step (or finding out whether it happened) is retried
     *                               before the step needs attention
     * @param compensationBackoff    the first wait between two tries of an undo; it doubles up to 30 s
     */
    public record Execution(
            @DefaultValue("30") @Min(ExecutionStep.MIN_TIMEOUT_SECONDS) @Max(ExecutionStep.MAX_TIMEOUT_SECONDS)
            int stepTimeoutSeconds,
            @DefaultValue("2") @Min(0) @Max(ExecutionStep.MAX_RETRY_ATTEMPTS) int stepRetryAttempts,
            @DefaultValue("200ms") Duration retryBackoff,
            @DefaultValue("10m") @NotNull Duration workflowDeadline,
            @DefaultValue("10m") @NotNull Duration compensationRetryFor,
            @DefaultValue("500ms") @NotNull Duration compensationBackoff) {

        public StepDefaults stepDefaults() {
            return new StepDefaults(stepTimeoutSeconds, stepRetryAttempts);
        }
    }

    /**
     * The workflow journal.
     *
     * @param store            {@code memory} (one orchestrator, not durable), or {@code redis}: shared by every
     *                         orchestrator, which take over each other's workflows
     * @param retention        how long a finished workflow stays readable
     * @param maxEntries       the most finished workflows the memory store keeps (one holds ~25 KB of heap, and the
     *                         fleet's JVMs have 192 MB); unfinished ones are never dropped
     * @param lease            how long a workflow stays its orchestrator's without a renewal (renewed three times per
     *                         lease): how soon another orchestrator takes over the workflows of one that died
     * @param recoveryInterval how often this orchestrator looks for workflows whose lease ran out
     * @param redisKeyPrefix   the Redis keys of the journal: orchestrators with the same prefix share their
     *                         workflows (and take each other's over), other prefixes never see them
     * @param events           the workflow events' stream and how followers are served
     */
    public record Workflows(@DefaultValue("memory") String store, @DefaultValue("24h") Duration retention,
                            @Positive @DefaultValue("1000") long maxEntries,
                            @DefaultValue("15s") @NotNull Duration lease,
                            @DefaultValue("5s") @NotNull Duration recoveryInterval,
                            @DefaultValue("orchestrator:journal:") @NotBlank String redisKeyPrefix,
                            @Valid @DefaultValue Events events) {

        /** The fleet-wide Redis Stream of workflow events: the configured key, else the journal's prefix's. */
        public String eventStreamKey() {
            return events.stream() == null || events.stream().isBlank() ? redisKeyPrefix + Events.STREAM_SUFFIX
                    : events.stream();
        }
    }

    /**
     * Workflow events ({@code GET /workflow/{id}/events} and, with the Redis journal, a Redis Stream).
     *
     * @param stream          the fleet-wide Redis Stream every workflow's events are appended to; blank: the
     *                        journal's prefix and {@code workflow-events}
     * @param streamMaxLength its approximate cap ({@code XADD MAXLEN ~}): the oldest entries go first
     * @param pollInterval    how often a follower reads the Redis journal for events other orchestrators wrote
     * @param keepAlive       how long an event stream stays silent before a {@code : ping} comment
     */
    public record Events(String stream, @Positive @DefaultValue("" + Events.MAX_LENGTH) long streamMaxLength,
                         @DefaultValue("250ms") @NotNull Duration pollInterval,
                         @DefaultValue("15s") @NotNull Duration keepAlive) {

        /** The default stream's name after the journal's prefix. */
        public static final String STREAM_SUFFIX = "workflow-events";
        /** The default cap of the stream. */
        public static final long MAX_LENGTH = 100_000;
    }

    /**
     * What plans may do, and what waits for a person ({@code orchestrator.policy.*}).
     *
     * @param allowedOperations per role, the operations its callers may plan and run: {@code *},
     *                          {@code <service>.*}, {@code <service>.<operation>} or {@code <operation>}; a caller may
     *                          use what any of its roles allows. Unset: {@code operator} and {@code admin} may run
     *                          every operation (but the test hooks), other roles none
     * @param testHooks         operations that exist for tests only: never planned or run unless
     *                          {@code testHooksAllowed}
     * @param testHooksAllowed  on in test set-ups only ({@code ORCHESTRATOR_TEST_HOOKS})
     * @param noSkipServices    services whose side effects may never be {@code failure_handling: skip} (neither may
     *                          any irreversible step)
     * @param seeAll            roles that read every workflow (the back office's readers, approvers and admins); any
     *                          other caller, such as an operator key of one integration, reads only its own
     * @param approval          which steps wait for a person with the approver role
     */
    public record Policy(
            Map<String, List<String>> allowedOperations,
            @DefaultValue("simulate_payment") List<String> testHooks,
            @DefaultValue("false") boolean testHooksAllowed,
            @DefaultValue("payment") List<String> noSkipServices,
            @DefaultValue({"viewer", "approver", "admin"}) List<String> seeAll,
            @Valid @DefaultValue Approval approval) {

        public Policy {
            allowedOperations = allowedOperations == null || allowedOperations.isEmpty()
                    ? Map.of("operator", List.of("*"), "admin", List.of("*")) : allowedOperations;
        }

        /**
         * The approval rules, each switched off by its own setting.
         *
         * @param refunds           {@code process_refund} waits
         * @param cancellations     {@code update_repair_order_status} to {@code cancelled} waits
         * @param paymentLinks      {@code create_payment_link} above {@code paymentLinksAbove} waits
         * @param holds             {@code create_hold} and {@code reserve_parts} of more than {@code holdsAbove}
         *                          units in one step wait
         * @param fromTier          every step of this risk tier or above waits ({@code read_only}, {@code reversible},
         *                          {@code irreversible}); {@code none}: the tier alone makes nothing wait
         * @param timeout           how long a workflow waits for a decision before it ends failed, nothing run
         */
        public record Approval(
                @DefaultValue("true") boolean refunds,
                @DefaultValue("true") boolean cancellations,
                @DefaultValue("true") boolean paymentLinks,
                @DefaultValue("500") @NotNull @DecimalMin("0") java.math.BigDecimal paymentLinksAbove,
                @DefaultValue("true") boolean holds,
                @DefaultValue("10") @Min(0) int holdsAbove,
                @DefaultValue("none") @jakarta.validation.constraints.Pattern(
                        regexp = "none|read_only|reversible|irreversible") String fromTier,
                @DefaultValue("24h") @NotNull Duration timeout) {
        }
    }
}
