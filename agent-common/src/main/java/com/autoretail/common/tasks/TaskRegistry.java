package com.autoretail.common.tasks;

import com.autoretail.common.wire.AgentServiceResponse;
import com.autoretail.common.wire.TaskStatus;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The async tasks of {@code /execute-async}: run on virtual threads, readable by id while they run and for
 * {@code retention} after they finish, then forgotten. At most {@code maxTasks} are kept.
 */
public class TaskRegistry {

    private static final Duration UNFINISHED = Duration.ofDays(1);

    private final Cache<String, TaskStatus> tasks;
    private final ExecutorService workers;

    public TaskRegistry(Duration retention, long maxTasks, ExecutorService workers) {
        this.workers = workers;
        this.tasks = Caffeine.newBuilder()
                .maximumSize(maxTasks)
                .expireAfter(Expiry.<String, TaskStatus>writing(
                        (id, task) -> task.status().finished() ? retention : UNFINISHED))
                .build();
    }

    /**
     * Starts {@code work} in the background and returns the new task's id.
     *
     * @param onFinished called with the final response, e.g. to send the callback
     */
    public String submit(Supplier<AgentServiceResponse> work, Consumer<AgentServiceResponse> onFinished) {
        String taskId = "task-" + UUID.randomUUID();
        tasks.put(taskId, new TaskStatus(taskId, TaskStatus.State.PENDING, null));
        workers.submit(() -> {
            tasks.put(taskId, new TaskStatus(taskId, TaskStatus.State.RUNNING, null));
            AgentServiceResponse response = work.get();
            TaskStatus.State state = response.success() ? TaskStatus.State.COMPLETED : TaskStatus.State.FAILED;
            tasks.put(taskId, new TaskStatus(taskId, state, response));
            onFinished.accept(response);
        });
        return taskId;
    }

    public Optional<TaskStatus> find(String taskId) {
        return Optional.ofNullable(tasks.getIfPresent(taskId));
    }
}
