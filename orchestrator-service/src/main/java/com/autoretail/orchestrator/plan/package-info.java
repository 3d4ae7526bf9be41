/**
 * The plan model shared by planning, validation and execution: the plan and its steps as on the wire, plan ids, the
 * dependency graph, the one {@code ${steps.<id>.result.<path>}} reference syntax, and the refusal of a plan.
 */
package com.autoretail.orchestrator.plan;
