/**
 * The web layer: the orchestrator's endpoints, the checks of what callers send (request ids, callback URLs) and the
 * API key callers must carry; nothing here decides what a workflow does.
 */
package com.autoretail.orchestrator.api;
