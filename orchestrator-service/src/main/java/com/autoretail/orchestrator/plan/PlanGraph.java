package com.autoretail.orchestrator.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The dependency graph of a plan's steps (step id → the ids it depends on, known ids only). */
public final class PlanGraph {

    private static final int VISITING = 1;
    private static final int DONE = 2;

    private final Map<String, List<String>> dependencies;

    public PlanGraph(Map<String, List<String>> dependencies) {
        this.dependencies = dependencies;
    }

    /** One cycle as a path that ends where it starts ({@code a, b, a}), or an empty list when there is none. */
    public List<String> cycle() {
        Map<String, Integer> state = new HashMap<>();
        for (String start : dependencies.keySet()) {
            List<String> path = new ArrayList<>();
            List<String> found = visit(start, state, path);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private List<String> visit(String step, Map<String, Integer> state, List<String> path) {
        Integer seen = state.get(step);
        if (seen != null && seen == DONE) {
            return List.of();
        }
        if (seen != null) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(step), path.size()));
            cycle.add(step);
            return cycle;
        }
        state.put(step, VISITING);
        path.add(step);
        for (String dependency : dependencies.getOrDefault(step, List.of())) {
            List<String> found = visit(dependency, state, path);
            if (!found.isEmpty()) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        state.put(step, DONE);
        return List.of();
    }

    /** Every step that must complete before {@code step} runs: its dependencies and theirs. */
    public Set<String> ancestors(String step) {
        Set<String> seen = new HashSet<>();
        Deque<String> open = new ArrayDeque<>(dependencies.getOrDefault(step, List.of()));
        while (!open.isEmpty()) {
            String next = open.pop();
            if (seen.add(next)) {
                open.addAll(dependencies.getOrDefault(next, List.of()));
            }
        }
        return seen;
    }

    /** How many waves the plan runs in when every step starts as soon as its dependencies are done. */
    public int depth() {
        Map<String, Integer> memo = new HashMap<>();
        int deepest = 0;
        for (String step : dependencies.keySet()) {
            deepest = Math.max(deepest, level(step, memo, new HashSet<>()));
        }
        return deepest;
    }

    private int level(String step, Map<String, Integer> memo, Set<String> onPath) {
        Integer known = memo.get(step);
        if (known != null) {
            return known;
        }
        if (!onPath.add(step)) {
            return 0;
        }
        int level = 1;
        for (String dependency : dependencies.getOrDefault(step, List.of())) {
            level = Math.max(level, level(dependency, memo, onPath) + 1);
        }
        memo.put(step, level);
        return level;
    }
}
