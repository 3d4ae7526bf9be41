// Following one workflow: its record (GET /workflow/{id}) first, then its event stream (GET /workflow/{id}/events,
// Server-Sent Events read with fetch() so that the key goes in a header, resumed with Last-Event-ID), or, on an
// orchestrator without events (404), its record polled every 500 ms. Either way a WorkflowModel is kept up to date.
// A workflow that has already ended is read from its stream too: the stream replays its events and closes.

import { ApiError, describe, get, headers } from './api.js';

const POLL_MS = 500;
const RECONNECT_MS = 1000;
const NO_STREAM = new Set([404, 405, 406, 501]);
const FINISHED = new Set(['completed', 'failed', 'needs_attention', 'rejected', 'compensated']);

export const isFinished = status => FINISHED.has(status);

/** What the console shows of a workflow: its steps, each step's view, its stage, approval and summary. */
export class WorkflowModel {
  constructor(requestId) {
    this.requestId = requestId;
    this.steps = [];
    this.views = new Map();
    this.status = 'unknown';
    this.approval = null;
    this.finalResult = null;
    this.error = null;
    this.events = [];
  }

  view(stepId) {
    if (!this.views.has(stepId)) {
      this.views.set(stepId, { state: 'pending', attempts: 0 });
    }
    return this.views.get(stepId);
  }

  /** The workflow's record, as GET /workflow/{id} (or an approval's answer) gives it. */
  applyRecord(record) {
    this.status = record.status || this.status;
    this.approval = record.approval || null;
    this.finalResult = record.final_result || null;
    this.error = record.error || null;
    const plan = record.workflow_plan;
    if (plan && Array.isArray(plan.execution_steps)) {
      this.steps = plan.execution_steps.map(step => ({
        id: String(step.step_id), agent: String(step.service_name), operation: String(step.operation),
        dependsOn: (step.dependencies || []).map(String),
      }));
    }
    const results = (record.execution_results && record.execution_results.steps) || {};
    Object.entries(results).forEach(([stepId, result]) => {
      const view = this.view(stepId);
      const undo = result.compensation;
      view.state = undo && !undo.success ? 'compensation_failed' : result.status;
      view.attempts = result.attempts || 0;
      view.ms = result.execution_time ? result.execution_time * 1000 : view.ms;
      view.startedAt = result.started_at || view.startedAt;
      view.error = result.error || (undo && undo.error) || null;
      view.compensation = undo ? (undo.operation || 'none') + (undo.success ? ' (done)' : ' (failed)') : null;
    });
  }

  /** One event of the stream (see the event format in the README). */
  applyEvent(event) {
    this.events.push(event);
    const payload = event.payload || {};
    const step = event.step_id ? this.view(event.step_id) : null;
    switch (event.type) {
      case 'workflow_planned':
        this.steps = (payload.steps || []).map(s => ({ id: String(s.step_id), agent: String(s.agent),
          operation: String(s.operation), dependsOn: (s.depends_on || []).map(String) }));
        this.status = 'executing';
        break;
      case 'workflow_awaiting_approval': this.status = 'awaiting_approval'; break;
      case 'workflow_approved': this.status = 'executing'; break;
      case 'workflow_rejected': this.status = 'rejected'; break;
      case 'step_started': step.state = 'running'; step.attempts = payload.attempt || 1; break;
      case 'step_retried': step.attempts = payload.attempt || step.attempts + 1; step.error = payload.error; break;
      case 'step_completed': step.state = 'completed'; step.ms = payload.execution_time_ms; break;
      case 'step_failed': step.state = 'failed'; step.error = payload.error; break;
      case 'step_skipped': step.state = 'skipped'; step.error = payload.reason; break;
      case 'compensation_started': this.status = 'compensating'; break;
      case 'step_compensated': step.state = 'compensated'; step.compensation = payload.operation + ' (done)'; break;
      case 'step_compensation_failed': step.state = 'compensation_failed'; step.error = payload.error; break;
      case 'workflow_ended': this.status = payload.status || this.status; break;
      default: break; // a newer event type: listed, nothing to draw
    }
  }

  /** Steps completed, and all of them. */
  progress() {
    const done = this.steps.filter(step => this.view(step.id).state === 'completed').length;
    return { done, total: this.steps.length };
  }
}

/** Splits a text/event-stream into events ({id, event, data}); comments (": ping") are dropped. */
export function parseEvents(buffer) {
  const blocks = buffer.split(/\r?\n\r?\n/);
  const rest = blocks.pop();
  const events = blocks.map(block => {
    const event = { id: null, event: 'message', data: [] };
    block.split(/\r?\n/).forEach(line => {
      if (!line || line.startsWith(':')) return;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') event.id = value;
      else if (field === 'event') event.event = value;
      else if (field === 'data') event.data.push(value);
    });
    return event;
  }).filter(event => event.data.length > 0);
  return { events, rest };
}

/**
 * Follows a workflow until it ends or stop() is called; onChange(model, mode) after every change, onError(error)
 * when a call fails. mode is 'events' (live), 'replayed' (the events of a workflow that had ended), 'polling', or
 * 'finished' (an ended workflow on an orchestrator without events).
 */
export function follow(requestId, onChange, onError) {
  const model = new WorkflowModel(requestId);
  const abort = new AbortController();
  let mode = 'loading';
  let lastSeq = null;
  const stopped = () => abort.signal.aborted;
  const changed = () => { if (!stopped()) onChange(model, mode); };
  const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

  const refresh = async () => {
    model.applyRecord(await get('/workflow/' + encodeURIComponent(requestId), abort.signal));
    changed();
  };

  const poll = async () => {
    mode = 'polling';
    while (!stopped() && !isFinished(model.status)) {
      await sleep(POLL_MS);
      if (!stopped()) await refresh();
    }
  };

  // true when the stream reached workflow_ended; false when it broke off; null when there is no stream
  const stream = async replay => {
    const extra = { Accept: 'text/event-stream' };
    if (lastSeq !== null) extra['Last-Event-ID'] = lastSeq;
    const response = await fetch('/workflow/' + encodeURIComponent(requestId) + '/events',
      { headers: headers(extra), signal: abort.signal });
    const type = response.headers.get('Content-Type') || '';
    // an orchestrator without the stream: no such endpoint (404), or none that speaks event streams
    if (NO_STREAM.has(response.status) || (response.ok && !type.startsWith('text/event-stream'))) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok) {
      let problem = null;
      try { problem = await response.json(); } catch { problem = null; }
      throw new ApiError(response.status, describe(response.status, problem));
    }
    mode = replay ? 'replayed' : 'events';
    changed();
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return false;
      buffer += decoder.decode(value, { stream: true });
      const parsed = parseEvents(buffer);
      buffer = parsed.rest;
      for (const raw of parsed.events) {
        const event = JSON.parse(raw.data.join('\n'));
        lastSeq = raw.id ?? String(event.seq);
        model.applyEvent(event);
        changed();
        if (event.type === 'workflow_ended') {
          await reader.cancel();
          return true;
        }
      }
    }
  };

  const run = async () => {
    await refresh();
    const replay = isFinished(model.status);
    for (;;) {
      const ended = await stream(replay);
      if (ended === null && replay) {
        mode = 'finished';
        changed();
        return;
      }
      if (ended === null) {
        await poll();
        break;
      }
      if (ended || stopped()) break;
      await sleep(RECONNECT_MS); // the stream broke off: resume after the last event seen
    }
    if (!stopped()) await refresh(); // the record has the summary and every step's timing
  };

  run().catch(error => { if (!stopped()) onError(error); });
  return { model, stop: () => abort.abort() };
}
