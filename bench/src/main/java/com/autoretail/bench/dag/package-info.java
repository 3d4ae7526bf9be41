/**
 * The benchmark plan's DAG run without the orchestrator, as the peer benchmark's references: each step a
 * {@code POST /execute} to its agent with the body and headers the orchestrator would send ({@link AgentCalls}),
 * driven by a plain {@code CompletableFuture} graph ({@link FloorDag}, the floor) or by a LangGraph4j
 * {@code StateGraph} ({@link LangGraphDag}). Knows nothing of the fleet's other benchmarks.
 */
package com.autoretail.bench.dag;
