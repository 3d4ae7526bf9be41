package com.autoretail.orchestrator.workflow;

import com.autoretail.orchestrator.events.WorkflowEvent;
import com.autoretail.orchestrator.plan.WorkflowPlan;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every workflow journal keeps to: one claim wins per request_id, a lease holds until it lapses, a takeover
 * fences its former owner out, and finished workflows leave the leases. Run against the memory and the Redis store.
 */
abstract class WorkflowStoreContract {

    static final Duration LONG = Duration.ofMinutes(1);
    static final Duration SHORT = Duration.ofMillis(150);

    abstract WorkflowStore store();

    static WorkflowStore.Entry entry(String requestId, String userRequest) {
        Submission submission = new Submission(Submission.Kind.ORCHESTRATE, userRequest, null, Map.of(), null,
                null);
        WorkflowStatus status = new WorkflowStatus(requestId, WorkflowStatus.Stage.PLANNING, userRequest, null, null,
                null, null, null, 0.0, Instant.now().plusSeconds(600), Instant.now());
        return new WorkflowStore.Entry(status, submission, submission.fingerprint());
    }

    static String newId() {
        return "wf-" + UUID.randomUUID();
    }

    private static WorkflowStore.Lease claimed(WorkflowStore.Claim claim) {
        assertThat(claim).isInstanceOf(WorkflowStore.Claimed.class);
        return ((WorkflowStore.Claimed) claim).lease();
    }

    private static WorkflowStatus planned(WorkflowStatus status, WorkflowStatus.Stage stage) {
        WorkflowPlan plan = new WorkflowPlan("wf_1", "low", 1, List.of(), List.of(), Map.of());
        return new WorkflowStatus(status.requestId(), stage, status.userRequest(), null, plan, null, null, null, 1.0,
                status.deadline(), Instant.now());
    }

    @Test
    void ofManyConcurrentClaimsOfOneIdExactlyOneWins() throws Exception {
        String id = newId();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<WorkflowStore.Claim>> claims = java.util.stream.IntStream.range(0, 16)
                    .<Callable<WorkflowStore.Claim>>mapToObj(i -> () -> store().claim(entry(id, "same"), "o" + i, LONG))
                    .toList();
            long won = 0;
            for (Future<WorkflowStore.Claim> claim : threads.invokeAll(claims)) {
                won += claim.get() instanceof WorkflowStore.Claimed ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aKnownIdAnswersWhatWasAskedUnderIt() {
        String id = newId();
        claimed(store().claim(entry(id, "first"), "a", LONG));

        WorkflowStore.Claim again = store().claim(entry(id, "second"), "b", LONG);

        assertThat(again).isInstanceOf(WorkflowStore.Known.class);
        WorkflowStore.Entry known = ((WorkflowStore.Known) again).entry();
        assertThat(known.submission().userRequest()).isEqualTo("first");
        assertThat(known.fingerprint()).isEqualTo(entry(id, "first").fingerprint())
                .isNotEqualTo(entry(id, "second").fingerprint());
    }

    @Test
    void aWorkflowThatFailedBeforeItHadAPlanFreesItsId() {
        String id = newId();
        WorkflowStore.Lease lease = claimed(store().claim(entry(id, "r"), "a", LONG));
        WorkflowStatus failed = entry(id, "r").status();
        store().finish(lease, new WorkflowStatus(id, WorkflowStatus.Stage.FAILED, "r", false, null, null, null,
                "no agent is healthy", 0.1, failed.deadline(), Instant.now()));

        assertThat(store().claim(entry(id, "r"), "b", LONG)).isInstanceOf(WorkflowStore.Claimed.class);
    }

    @Test
    void aLeaseHoldsUntilItLapsesAndATakeoverFencesTheFormerOwnerOut() {
        String id = newId();
        WorkflowStore.Lease first = claimed(store().claim(entry(id, "r"), "a", SHORT));
        assertThat(store().takeOver(id, "b", LONG)).as("the lease holds").isEmpty();

        await().atMost(Duration.ofSeconds(3)).until(() -> store().expired(100).contains(id));
        WorkflowStore.Taken taken = store().takeOver(id, "b", LONG).orElseThrow();

        assertThat(taken.lease().fence()).isGreaterThan(first.fence());
        assertThat(taken.entry().submission().userRequest()).isEqualTo("r");
        assertThat(store().takeOver(id, "c", LONG)).as("one taker wins").isEmpty();
        assertThat(store().write(first, planned(taken.entry().status(), WorkflowStatus.Stage.EXECUTING), LONG))
                .as("the former owner's write").isFalse();
        assertThat(store().renew(first, LONG)).isFalse();
        assertThat(store().write(taken.lease(), planned(taken.entry().status(), WorkflowStatus.Stage.EXECUTING), LONG))
                .isTrue();
        assertThat(store().find(id).orElseThrow().status()).isEqualTo(WorkflowStatus.Stage.EXECUTING);
    }

    @Test
    void aParkedWorkflowIsTakenForADecisionExactlyOnceOnAnyNumberOfOrchestrators() throws Exception {
        String id = newId();
        WorkflowStore.Lease lease = claimed(store().claim(entry(id, "r"), "a", LONG));
        assertThat(store().takeParked(id, "b", LONG)).as("not parked yet").isEmpty();
        assertThat(store().park(lease, planned(entry(id, "r").status(), WorkflowStatus.Stage.AWAITING_APPROVAL),
                LONG)).isTrue();
        assertThat(store().find(id).orElseThrow().status()).isEqualTo(WorkflowStatus.Stage.AWAITING_APPROVAL);
        assertThat(store().expired(1000)).as("it waits until its approval expires").doesNotContain(id);

        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<WorkflowStore.Taken> taken = new java.util.ArrayList<>();
        try {
            List<Callable<java.util.Optional<WorkflowStore.Taken>>> deciders = java.util.stream.IntStream.range(0, 8)
                    .<Callable<java.util.Optional<WorkflowStore.Taken>>>mapToObj(i ->
                            () -> store().takeParked(id, "decider-" + i, LONG)).toList();
            for (Future<java.util.Optional<WorkflowStore.Taken>> one : threads.invokeAll(deciders)) {
                one.get().ifPresent(taken::add);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(taken).hasSize(1);
        assertThat(taken.getFirst().lease().fence()).isGreaterThan(lease.fence());
        assertThat(store().write(lease, planned(entry(id, "r").status(), WorkflowStatus.Stage.EXECUTING), LONG))
                .as("the orchestrator that parked it no longer owns it").isFalse();
        assertThat(store().write(taken.getFirst().lease(), planned(entry(id, "r").status(),
                WorkflowStatus.Stage.EXECUTING), LONG)).isTrue();
        assertThat(store().takeParked(id, "late", LONG)).as("decided already").isEmpty();
    }

    @Test
    void aParkedWorkflowWhoseWaitRanOutIsTakenOverAndNoLongerDecided() {
        String id = newId();
        WorkflowStore.Lease lease = claimed(store().claim(entry(id, "r"), "a", LONG));
        store().park(lease, planned(entry(id, "r").status(), WorkflowStatus.Stage.AWAITING_APPROVAL), SHORT);

        await().atMost(Duration.ofSeconds(3)).until(() -> store().expired(100).contains(id));
        assertThat(store().takeOver(id, "sweeper", LONG)).isPresent();

        assertThat(store().takeParked(id, "late-approver", LONG)).isEmpty();
    }

    @Test
    void aRenewedLeaseDoesNotLapse() {
        String id = newId();
        WorkflowStore.Lease lease = claimed(store().claim(entry(id, "r"), "a", SHORT));

        for (int i = 0; i < 4; i++) {
            assertThat(store().renew(lease, SHORT)).isTrue();
            await().pollDelay(Duration.ofMillis(80)).until(() -> true);
        }

        assertThat(store().expired(1000)).doesNotContain(id);
    }

    @Test
    void aFinishedWorkflowLeavesTheLeasesAndStaysReadable() {
        String id = newId();
        WorkflowStore.Lease lease = claimed(store().claim(entry(id, "r"), "a", SHORT));

        assertThat(store().finish(lease, planned(entry(id, "r").status(), WorkflowStatus.Stage.COMPLETED))).isTrue();

        await().pollDelay(SHORT.multipliedBy(2)).until(() -> true);
        assertThat(store().expired(1000)).doesNotContain(id);
        assertThat(store().takeOver(id, "b", LONG)).isEmpty();
        assertThat(store().find(id).orElseThrow().status()).isEqualTo(WorkflowStatus.Stage.COMPLETED);
        assertThat(store().claim(entry(id, "r"), "c", LONG)).isInstanceOf(WorkflowStore.Known.class);
    }

    @Test
    void eachJournaledChangeRecordsItsEventsNumberedWithoutGaps() {
        String id = newId();
        WorkflowStore.Lease lease = claimed(store().claim(entry(id, "r"), "a", LONG));
        assertThat(store().after(id, 0, 100)).as("nothing happened yet").isEmpty();
        WorkflowStatus executing = planned(entry(id, "r").status(), WorkflowStatus.Stage.EXECUTING);

        assertThat(store().write(lease, executing, LONG)).isTrue();
        assertThat(store().write(lease, executing, LONG)).as("the same status again").isTrue();
        assertThat(store().finish(lease, planned(executing, WorkflowStatus.Stage.COMPLETED))).isTrue();

        List<WorkflowEvent> events = store().after(id, 0, 100);
        assertThat(events).extracting(WorkflowEvent::seq).containsExactly(1L, 2L);
        assertThat(events).extracting(WorkflowEvent::type).containsExactly("workflow_planned", "workflow_ended");
        assertThat(events).extracting(WorkflowEvent::workflowId).containsOnly(id);
        assertThat(events.getLast().payload()).containsEntry("status", "completed")
                .containsEntry("duration_ms", 1000.0);
        assertThat(store().after(id, 1, 100)).extracting(WorkflowEvent::seq).containsExactly(2L);
        assertThat(store().after(id, 0, 1)).extracting(WorkflowEvent::seq).containsExactly(1L);
        assertThat(store().after(id, 2, 100)).isEmpty();
    }

    @Test
    void aWriteRefusedToAFormerOwnerRecordsNoEventAndTheNewOwnerNumbersOn() {
        String id = newId();
        WorkflowStore.Lease first = claimed(store().claim(entry(id, "r"), "a", SHORT));
        await().atMost(Duration.ofSeconds(3)).until(() -> store().expired(100).contains(id));
        WorkflowStore.Taken taken = store().takeOver(id, "b", LONG).orElseThrow();
        WorkflowStatus executing = planned(taken.entry().status(), WorkflowStatus.Stage.EXECUTING);

        assertThat(store().write(first, executing, LONG)).isFalse();
        assertThat(store().after(id, 0, 100)).as("no event of a refused write").isEmpty();

        assertThat(store().write(taken.lease(), executing, LONG)).isTrue();
        assertThat(store().finish(taken.lease(), planned(executing, WorkflowStatus.Stage.FAILED))).isTrue();
        List<WorkflowEvent> events = store().after(id, 0, 100);
        assertThat(events).extracting(WorkflowEvent::type).containsExactly("workflow_planned", "workflow_ended");
        assertThat(events).extracting(WorkflowEvent::seq).containsExactly(1L, 2L);
        assertThat(events.getLast().payload()).containsEntry("status", "failed");
    }

    @Test
    void recentWorkflowsAreListedNewestFirstFinishedOrNot() {
        String first = newId();
        String second = newId();
        String third = newId();
        WorkflowStore.Lease lease = claimed(store().claim(entry(first, "r1"), "a", LONG));
        await().pollDelay(Duration.ofMillis(5)).until(() -> true);
        claimed(store().claim(entry(second, "r2"), "a", LONG));
        await().pollDelay(Duration.ofMillis(5)).until(() -> true);
        claimed(store().claim(entry(third, "r3"), "a", LONG));
        store().finish(lease, planned(entry(first, "r1").status(), WorkflowStatus.Stage.COMPLETED));

        List<WorkflowStatus> newest = store().recent(2);
        List<String> listed = store().recent(1000).stream().map(WorkflowStatus::requestId)
                .filter(List.of(first, second, third)::contains).toList();

        assertThat(newest).extracting(WorkflowStatus::requestId).containsExactly(third, second);
        assertThat(listed).containsExactly(third, second, first);
        assertThat(store().recent(1000)).filteredOn(status -> status.requestId().equals(first))
                .extracting(WorkflowStatus::status).containsExactly(WorkflowStatus.Stage.COMPLETED);
    }
}
