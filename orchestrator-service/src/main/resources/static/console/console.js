// The web console: the fleet's services, the recent workflows, a request box (plan preview, run) and one workflow
// followed live as a DAG, with approve/reject for approvers. Every text from the server is set with textContent.

import { apiKey, get, post, setApiKey } from './api.js';
import { draw } from './dag.js';
import { follow, isFinished } from './follow.js';

const SERVICES_EVERY_MS = 5000;
const WORKFLOWS_EVERY_MS = 2000;
const $ = id => document.getElementById(id);

let roles = [];
let following = null;
let shownId = null;
let shownMode = '';

function banner(message, kind = 'error') {
  const box = $('banner');
  box.textContent = message || '';
  box.className = 'banner' + (kind === 'info' ? ' info' : '');
  box.hidden = !message;
}

function cell(row, text, className) {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined ? '' : String(text);
  if (className) td.className = className;
  row.append(td);
  return td;
}

/** A cell holding a coloured badge (a service's health, a workflow's status). */
function badge(row, text, className) {
  const td = document.createElement('td');
  const span = document.createElement('span');
  span.textContent = text === null || text === undefined ? '' : String(text);
  span.className = 'status ' + className;
  td.append(span);
  row.append(td);
  return td;
}

function seconds(value) {
  return typeof value === 'number' ? value.toFixed(2) + ' s' : '';
}

async function loadWhoami() {
  try {
    const me = await get('/whoami');
    roles = me.roles || [];
    $('whoami').textContent = me.name + ' · ' + (roles.join(', ') || 'no role') + ' · security ' + me.security;
    banner('');
  } catch (error) {
    roles = [];
    $('whoami').textContent = '';
    banner(error.message);
  }
}

async function loadServices() {
  try {
    const [health, services] = await Promise.all([get('/health'), get('/services').catch(() => ({}))]);
    const body = $('services').tBodies[0];
    const rows = Object.entries(health.services || {}).map(([key, service]) => {
      const row = document.createElement('tr');
      row.dataset.service = key;
      cell(row, key, 'mono');
      badge(row, service.status, service.status === 'healthy' ? 'completed' : 'failed');
      cell(row, service.breaker, 'breaker-' + service.breaker);
      const operations = new Map((services[key] || []).map(i => [i.url, i.capabilities?.operations?.length]));
      cell(row, (service.instances || []).map(i => i.url + ' ' + i.status
        + (operations.get(i.url) ? ' (' + operations.get(i.url) + ' operations)' : '')
        + (i.error ? ' – ' + i.error : '')).join('\n') || '(instances need a key of the fleet)', 'mono');
      return row;
    });
    body.replaceChildren(...rows);
  } catch (error) {
    banner(error.message);
  }
}

async function loadWorkflows() {
  if (!roles.length) return;
  try {
    const list = await get('/workflows?limit=50');
    const rows = list.map(workflow => {
      const row = document.createElement('tr');
      row.dataset.requestId = workflow.request_id;
      if (workflow.request_id === shownId) row.className = 'selected';
      cell(row, workflow.request_id, 'mono');
      badge(row, workflow.status, workflow.status);
      cell(row, workflow.completed + '/' + workflow.total);
      cell(row, seconds(workflow.execution_time));
      cell(row, workflow.user_request);
      row.addEventListener('click', () => show(workflow.request_id));
      return row;
    });
    $('workflows').tBodies[0].replaceChildren(...rows);
  } catch (error) {
    banner(error.message);
  }
}

function render(model, mode) {
  shownMode = mode;
  $('wf-title').textContent = model.requestId;
  $('wf-status').textContent = model.status;
  $('wf-status').className = 'status ' + model.status;
  const { done, total } = model.progress();
  $('dag-progress').textContent = done + '/' + total + ' completed';
  $('follow-mode').textContent = { events: 'live events', replayed: 'events replayed (ended)',
    polling: 'polling every 500 ms (no event stream)', finished: 'finished' }[mode] || '';
  draw($('dag'), model.steps, model.views);
  const canDecide = roles.includes('approver') || roles.includes('admin');
  const waiting = model.status === 'awaiting_approval';
  $('approval').hidden = !(waiting && canDecide);
  $('approval-reasons').textContent = waiting && model.approval
    ? 'Waits for approval: ' + (model.approval.steps || []).map(s => s.step_id + ' (' + (s.rules || []).join(', ')
      + ')').join('; ') : '';
  $('summary').textContent = model.finalResult || (model.error ? 'Error: ' + model.error : '');
  $('events').replaceChildren(...model.events.map(event => {
    const item = document.createElement('li');
    item.textContent = event.seq + ' ' + event.time + ' ' + event.type + (event.step_id ? ' ' + event.step_id : '')
      + ' ' + JSON.stringify(event.payload || {});
    return item;
  }));
  if (isFinished(model.status)) loadWorkflows();
}

/** The workflow named in the address (#workflow=<request_id>): a link to the console opens it. */
function linkedWorkflow() {
  const match = /^#workflow=(.+)$/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

function show(requestId) {
  following?.stop();
  shownId = requestId;
  if (linkedWorkflow() !== requestId) {
    history.replaceState(null, '', '#workflow=' + encodeURIComponent(requestId));
  }
  $('plan-notes').replaceChildren();
  following = follow(requestId, render, error => banner(error.message));
  document.querySelectorAll('#workflows tbody tr').forEach(row =>
    row.classList.toggle('selected', row.dataset.requestId === requestId));
}

async function preview() {
  const request = $('request').value.trim();
  if (!request) return banner('Type a request first.', 'info');
  try {
    const plan = await post('/plan', { user_request: request });
    following?.stop();
    following = null;
    shownId = null;
    history.replaceState(null, '', location.pathname);
    const steps = (plan.workflow_plan?.execution_steps || []).map(step => ({ id: String(step.step_id),
      agent: String(step.service_name), operation: String(step.operation),
      dependsOn: (step.dependencies || []).map(String) }));
    $('wf-title').textContent = 'plan preview';
    $('wf-status').textContent = 'planner: ' + plan.planner;
    $('wf-status').className = 'status';
    $('dag-progress').textContent = '0/' + steps.length + ' completed';
    $('follow-mode').textContent = 'nothing runs until you press Run';
    $('approval').hidden = true;
    $('summary').textContent = '';
    $('events').replaceChildren();
    draw($('dag'), steps, new Map());
    $('plan-notes').replaceChildren(...(plan.notes || []).map(note => {
      const item = document.createElement('li');
      item.textContent = note;
      return item;
    }));
    banner('');
  } catch (error) {
    banner(error.message);
  }
}

async function run() {
  const request = $('request').value.trim();
  if (!request) return banner('Type a request first.', 'info');
  const requestId = 'console-' + crypto.randomUUID();
  try {
    await post('/orchestrate-async', { request_id: requestId, user_request: request });
    banner('');
    show(requestId);
    loadWorkflows();
  } catch (error) {
    banner(error.message);
  }
}

async function decide(decision) {
  if (!shownId) return;
  try {
    const record = await post('/workflow/' + encodeURIComponent(shownId) + '/' + decision,
      { comment: $('approval-comment').value || null });
    // the answer is the workflow as the decision left it; the stream may already have shown what came after it
    // (the answer can arrive after the workflow_ended event on a busy machine), and then it must not set it back
    if (following?.model.status === 'awaiting_approval') {
      following.model.applyRecord(record);
      render(following.model, shownMode);
    }
    $('approval-comment').value = '';
    banner('');
  } catch (error) {
    banner(error.message);
  }
}

function start() {
  $('api-key').value = apiKey();
  $('key-form').addEventListener('submit', event => {
    event.preventDefault();
    setApiKey($('api-key').value.trim());
    loadWhoami().then(loadWorkflows);
    loadServices();
  });
  $('preview').addEventListener('click', preview);
  $('run').addEventListener('click', run);
  $('approve').addEventListener('click', () => decide('approve'));
  $('reject').addEventListener('click', () => decide('reject'));
  window.addEventListener('hashchange', () => {
    const linked = linkedWorkflow();
    if (linked && linked !== shownId) show(linked);
  });
  loadWhoami().then(loadWorkflows);
  loadServices();
  if (linkedWorkflow()) show(linkedWorkflow());
  setInterval(loadServices, SERVICES_EVERY_MS);
  setInterval(loadWorkflows, WORKFLOWS_EVERY_MS);
}

start();
