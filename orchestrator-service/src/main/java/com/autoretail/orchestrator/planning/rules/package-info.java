/**
 * The built-in rule planner: the request cut into clauses, each clause's intent chosen by the intent matchers (the
 * rules today), its entities (read by {@code rules.entities}) turned into the steps an LLM would plan; only
 * {@code RulePlanner} is seen outside.
 */
package com.autoretail.orchestrator.planning.rules;
