package com.autoretail.common.tasks;

import com.autoretail.common.web.AgentException;
import com.autoretail.common.wire.AgentServiceResponse;
import com.autoretail.common.wire.ErrorCode;
import com.autoretail.common.wire.TaskStatus;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The async tasks of {@code /execute-async}: run on virtual threads, readable by id while they run and for
 * {@code retention} after they finish, then forgotten. A task that has not finished is never dropped (its caller
 * polls it for the outcome): at most {@code maxTasks} are unfinished at once, and a new task beyond that is refused
 * with {@code OVERLOADED}; of the finished ones the newest {@code maxTasks} are kept.
 */
public class TaskRegistry {

    private final long maxTasks;
    private final Map<String, TaskStatus> unfinished = new ConcurrentHashMap<>();
    private final Cache<String, TaskStatus> finished;
    private final ExecutorService workers;

    public TaskRegistry(Duration retention, long maxTasks, ExecutorService workers) {
        this.maxTasks = maxTasks;
        this.workers = workers;
        this.finished = Caffeine.newBuilder().maximumSize(maxTasks).expireAfterWrite(retention).build();
    }

    /**
     * Starts {@code work} in the background and returns the new task's id.
     *
     * @param onFinished called with the final response, e.g. to send the callback
     * @throws AgentException {@code OVERLOADED} when {@code maxTasks} tasks are unfinished: nothing was started
     */
    public String submit(Supplier<AgentServiceResponse> work, Consumer<AgentServiceResponse> onFinished) {
        String taskId = "task-" + UUID.randomUUID();
        synchronized (unfinished) {
            // the check and the put together, so that concurrent submits never pass the bound
            if (unfinished.size() >= maxTasks) {
                throw new AgentException(ErrorCode.OVERLOADED,
                        maxTasks + " tasks are still running; retry once some have finished");
            }
            unfinished.put(taskId, new TaskStatus(taskId, TaskStatus.State.PENDING, null));
        }
        workers.submit(() -> {
            unfinished.put(taskId, new TaskStatus(taskId, TaskStatus.State.RUNNING, null));
            AgentServiceResponse response = null;
            try {
                response = work.get();
            } finally {
                boolean success = response != null && response.success();
                // readable as finished before it stops being unfinished: never missing in between
                finished.put(taskId, new TaskStatus(taskId,
                        success ? TaskStatus.State.COMPLETED : TaskStatus.State.FAILED, response));
                unfinished.remove(taskId);
            }
            onFinished.accept(response);
        });
        return taskId;
    }

    public Optional<TaskStatus> find(String taskId) {
        TaskStatus running = unfinished.get(taskId);
        return running != null ? Optional.of(running) : Optional.ofNullable(finished.getIfPresent(taskId));
    }
}
