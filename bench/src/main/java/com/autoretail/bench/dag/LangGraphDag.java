package com.autoretail.bench.dag;

import org.bsc.langgraph4j.CompiledGraph;
import org.bsc.langgraph4j.GraphStateException;
import org.bsc.langgraph4j.RunnableConfig;
import org.bsc.langgraph4j.StateGraph;
import org.bsc.langgraph4j.state.AgentState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.bsc.langgraph4j.action.AsyncNodeAction.node_async;

/**
 * The plan run in-process by LangGraph4j: a {@link StateGraph} with one node per step, each calling its agent and
 * writing its time under its step id. LangGraph4j expresses parallel branches as fork-join only (the branches of a
 * fork must all lead to one node), so the DAG runs by levels: a step's level is one more than its deepest
 * dependency's, the steps of a level are the branches of one fork, and a no-op join node ends each level that has
 * several steps. Every fork is given a virtual-thread executor ({@code addParallelNodeExecutor}); without one
 * LangGraph4j runs the branches one after another. For the benchmark plan this means create_payment_1 waits for
 * validate_part_1 as well as for validate_ro_1, its one dependency.
 */
public final class LangGraphDag implements DagRunner {

    /** Its name in the report. */
    public static final String NAME = "LangGraph4j";

    private static final String REQUEST_ID = "request_id";

    private final CompiledGraph<AgentState> graph;
    private final RunnableConfig config;
    private final List<DagStep> steps;

    /** @param steps the plan's steps, each listed after its dependencies */
    public LangGraphDag(List<DagStep> steps, AgentCalls calls) throws GraphStateException {
        this.steps = List.copyOf(steps);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        StateGraph<AgentState> builder = new StateGraph<>(AgentState::new);
        RunnableConfig.Builder runnable = RunnableConfig.builder();
        String before = StateGraph.START;
        List<List<DagStep>> levels = levels(this.steps);
        for (int i = 0; i < levels.size(); i++) {
            List<DagStep> level = levels.get(i);
            boolean last = i == levels.size() - 1;
            String after = last ? StateGraph.END : level.size() == 1 ? level.getFirst().id() : "join_" + (i + 1);
            for (DagStep step : level) {
                builder.addNode(step.id(), node_async(state -> {
                    String requestId = state.<String>value(REQUEST_ID).orElseThrow();
                    return Map.of(step.id(), calls.call(step, requestId));
                }));
                builder.addEdge(before, step.id());
                if (level.size() > 1 || last) {
                    builder.addEdge(step.id(), after);
                }
            }
            if (level.size() > 1) {
                runnable.addParallelNodeExecutor(before, threads);   // the fork out of node 'before'
                if (!last) {
                    builder.addNode(after, node_async(state -> Map.of()));
                }
            }
            before = after;
        }
        this.graph = builder.compile();
        this.config = runnable.build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DagRun run(String requestId) throws Exception {
        long start = System.nanoTime();
        AgentState end;
        try {
            end = graph.invoke(Map.of(REQUEST_ID, requestId), config).orElseThrow();
        } catch (Exception e) {   // LangGraph4j throws its checked GraphRunnerException unchecked
            throw rootStepFailure(e);
        }
        long wall = System.nanoTime() - start;
        Map<String, Long> took = new HashMap<>();
        for (DagStep step : steps) {
            took.put(step.id(), end.<Long>value(step.id()).orElseThrow(
                    () -> new StepFailed(step.id(), "did not run")));
        }
        return new DagRun(wall, took);
    }

    /** LangGraph4j wraps a node's exception (in an ExecutionException, in its own): the step's failure, if any. */
    private static Exception rootStepFailure(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StepFailed failed) {
                return failed;
            }
        }
        return e;
    }

    /** The steps by level: a step without dependencies is on level 0, any other one below its deepest dependency. */
    static List<List<DagStep>> levels(List<DagStep> steps) {
        Map<String, Integer> levelOf = new HashMap<>();
        List<List<DagStep>> levels = new ArrayList<>();
        for (DagStep step : steps) {
            int level = step.dependencies().stream().mapToInt(levelOf::get).map(l -> l + 1).max().orElse(0);
            levelOf.put(step.id(), level);
            while (levels.size() <= level) {
                levels.add(new ArrayList<>());
            }
            levels.get(level).add(step);
        }
        return levels;
    }
}
