/**
 * Planning with an OpenAI-compatible LLM through Spring AI: the prompt with the healthy services' operations, the
 * bounded call, and the answer read into a plan; only {@code LlmPlanner} is seen outside.
 */
package com.autoretail.orchestrator.planning.llm;
