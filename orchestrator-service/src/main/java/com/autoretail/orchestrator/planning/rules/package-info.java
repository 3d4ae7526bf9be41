/**
 * The built-in rule planner: entities and intents read clause by clause from the request, turned into the steps an
 * LLM would plan; only {@code RulePlanner} is seen outside.
 */
package com.autoretail.orchestrator.planning.rules;
