package com.autoretail.common.tasks;

import com.autoretail.common.web.AgentException;
import com.autoretail.common.wire.AgentServiceResponse;
import com.autoretail.common.wire.ErrorCode;
import com.autoretail.common.wire.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class TaskRegistryTest {

    @Test
    void fullOfRunningTasksRefusesANewOneAndKeepsEveryRunningTask() throws Exception {
        var release = new CountDownLatch(1);
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            var registry = new TaskRegistry(Duration.ofHours(1), 2, workers);
            String first = registry.submit(blockedUntil(release), response -> { });
            String second = registry.submit(blockedUntil(release), response -> { });
            await().atMost(Duration.ofSeconds(5)).until(() -> running(registry, first) && running(registry, second));

            assertThatThrownBy(() -> registry.submit(blockedUntil(release), response -> { }))
                    .isInstanceOfSatisfying(AgentException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.OVERLOADED);
                        assertThat(e.status().value()).isEqualTo(503);
                        assertThat(e.code().retryable()).isTrue();
                    });
            assertThat(registry.find(first)).map(TaskStatus::status).contains(TaskStatus.State.RUNNING);
            assertThat(registry.find(second)).map(TaskStatus::status).contains(TaskStatus.State.RUNNING);

            release.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> completed(registry, first) && completed(registry, second));
            String third = registry.submit(() -> done("third"), response -> { });
            await().atMost(Duration.ofSeconds(5)).until(() -> completed(registry, third));
        }
    }

    @Test
    void finishedTasksMakeWayForNewOnesWhileRunningOnesStay() throws Exception {
        var release = new CountDownLatch(1);
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            var registry = new TaskRegistry(Duration.ofHours(1), 2, workers);
            String running = registry.submit(blockedUntil(release), response -> { });
            for (int i = 0; i < 20; i++) {
                String quick = registry.submit(() -> done("quick"), response -> { });
                await().atMost(Duration.ofSeconds(5)).until(() -> completed(registry, quick));
            }

            assertThat(registry.find(running)).map(TaskStatus::status).contains(TaskStatus.State.RUNNING);
            release.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> completed(registry, running));
        }
    }

    private static Supplier<AgentServiceResponse> blockedUntil(CountDownLatch release) {
        return () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return done("released");
        };
    }

    private static AgentServiceResponse done(String result) {
        return new AgentServiceResponse("req", true, result, null, null, 0.1, Map.of(), Instant.now());
    }

    private static boolean running(TaskRegistry registry, String taskId) {
        return registry.find(taskId).map(TaskStatus::status).orElse(null) == TaskStatus.State.RUNNING;
    }

    private static boolean completed(TaskRegistry registry, String taskId) {
        return registry.find(taskId).map(TaskStatus::status).orElse(null) == TaskStatus.State.COMPLETED;
    }
}
