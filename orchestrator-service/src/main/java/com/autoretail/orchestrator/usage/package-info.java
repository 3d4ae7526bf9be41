/**
 * What a workflow's LLM calls cost: the tokens in and out that the model reported ({@code ChatResponse} usage),
 * priced per 1K tokens ({@code orchestrator.llm-prices}, zero by default), kept in the workflow record
 * ({@code llm_usage}) and counted as metrics. Used by planning (which tallies) and the workflow (which records).
 */
package com.autoretail.orchestrator.usage;
