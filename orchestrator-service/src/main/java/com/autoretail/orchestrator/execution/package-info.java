/**
 * How a plan runs: the DAG executor, the agent calls with their time limit, retries and circuit breaker, the
 * compensation of completed side effects, and the results of each step.
 */
package com.autoretail.orchestrator.execution;
