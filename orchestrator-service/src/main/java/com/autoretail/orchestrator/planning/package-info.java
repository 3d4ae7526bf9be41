/**
 * How a request becomes steps: the planning service that asks the LLM ({@code llm}) or the rule planner ({@code
 * rules}), validates what they give and falls back from one to the other.
 */
package com.autoretail.orchestrator.planning;
