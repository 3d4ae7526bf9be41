/**
 * The orchestrator on the Agent2Agent (A2A) protocol, part of the web layer: its Agent Card (one skill, dealership
 * requests in plain language) and its JSON-RPC endpoint {@code POST /a2a}: {@code message/send} and
 * {@code message/stream} turn a TextPart into a workflow whose request_id is the task id, {@code tasks/get} reads
 * it, {@code tasks/resubscribe} follows it again, {@code tasks/cancel} rejects one that awaits approval. How a
 * workflow reads as a Task is {@link com.autoretail.orchestrator.api.a2a.WorkflowTasks}; how a stream follows one is
 * {@link com.autoretail.orchestrator.api.a2a.WorkflowFeed}, on the workflow events.
 */
package com.autoretail.orchestrator.api.a2a;
