/**
 * Workflow events: what a workflow and its steps went through, one numbered {@link
 * com.autoretail.orchestrator.events.WorkflowEvent} per change, as the journal recorded it. The journal writes them
 * (the workflow package); this package owns their shape, their types, and how a reader follows them live
 * ({@link com.autoretail.orchestrator.events.WorkflowEvents}). It depends on nothing else of the orchestrator.
 */
package com.autoretail.orchestrator.events;
