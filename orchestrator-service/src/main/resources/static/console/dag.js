// A workflow's plan drawn as a DAG in SVG: steps layered by depends_on (a step sits one layer right of its deepest
// dependency), coloured by state, with retries and compensations as badges and timings in each node's <title>.
// Everything from the server goes in with textContent or setAttribute, never as markup.

const SVG = 'http://www.w3.org/2000/svg';
const NODE_W = 190;
const NODE_H = 54;
const GAP_X = 60;
const GAP_Y = 18;
const PAD = 12;

function el(name, attributes = {}, text) {
  const node = document.createElementNS(SVG, name);
  Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, String(value)));
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** Each step's layer: 0 without dependencies, else one more than its deepest known dependency. */
export function layers(steps) {
  const byId = new Map(steps.map(step => [step.id, step]));
  const layer = new Map();
  const visiting = new Set();
  const depth = id => {
    if (layer.has(id)) {
      return layer.get(id);
    }
    if (visiting.has(id)) {
      return 0; // a cycle is refused by the orchestrator; never loop on one here
    }
    visiting.add(id);
    const deps = (byId.get(id)?.dependsOn || []).filter(dep => byId.has(dep));
    const value = deps.length === 0 ? 0 : 1 + Math.max(...deps.map(depth));
    layer.set(id, value);
    return value;
  };
  steps.forEach(step => depth(step.id));
  return layer;
}

function shorten(text, max) {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/** The hover text of a step: what it runs and every timing and attempt known. */
function tooltip(step, view) {
  const lines = [step.id + ': ' + step.agent + '.' + step.operation, 'state: ' + view.state];
  if (view.startedAt) lines.push('started: ' + view.startedAt);
  if (view.ms !== undefined && view.ms !== null) lines.push('took: ' + Number(view.ms).toFixed(1) + ' ms');
  if (view.attempts > 1) lines.push('attempts: ' + view.attempts);
  if (view.error) lines.push('error: ' + view.error);
  if (view.compensation) lines.push('compensation: ' + view.compensation);
  if (step.dependsOn.length) lines.push('after: ' + step.dependsOn.join(', '));
  return lines.join('\n');
}

/**
 * Draws the steps ({id, agent, operation, dependsOn}) with their views ({state, attempts, ms, startedAt, error,
 * compensation}) into the SVG element, replacing what was there.
 */
export function draw(svg, steps, views) {
  svg.replaceChildren();
  const defs = el('defs');
  const marker = el('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7,
    markerHeight: 7, orient: 'auto-start-reverse' });
  marker.append(el('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#8a93a1' }));
  defs.append(marker);
  svg.append(defs);

  const layer = layers(steps);
  const rows = new Map();
  const position = new Map();
  steps.forEach(step => {
    const x = layer.get(step.id);
    const y = rows.get(x) || 0;
    rows.set(x, y + 1);
    position.set(step.id, { x: PAD + x * (NODE_W + GAP_X), y: PAD + y * (NODE_H + GAP_Y) });
  });
  const width = PAD * 2 + (Math.max(0, ...layer.values()) + 1) * (NODE_W + GAP_X) - GAP_X;
  const height = PAD * 2 + Math.max(1, ...rows.values()) * (NODE_H + GAP_Y) - GAP_Y;
  svg.setAttribute('width', steps.length ? width : 10);
  svg.setAttribute('height', steps.length ? height : 10);
  svg.setAttribute('viewBox', '0 0 ' + (steps.length ? width : 10) + ' ' + (steps.length ? height : 10));

  steps.forEach(step => step.dependsOn.filter(dep => position.has(dep)).forEach(dep => {
    const from = position.get(dep);
    const to = position.get(step.id);
    const x1 = from.x + NODE_W;
    const y1 = from.y + NODE_H / 2;
    const x2 = to.x;
    const y2 = to.y + NODE_H / 2;
    const bend = (x2 - x1) / 2;
    svg.append(el('path', { class: 'edge', 'data-from': dep, 'data-to': step.id,
      d: `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}` }));
  }));

  steps.forEach(step => {
    const view = views.get(step.id) || { state: 'pending', attempts: 0 };
    const { x, y } = position.get(step.id);
    const group = el('g', { class: 'node ' + view.state, 'data-step': step.id, 'data-state': view.state,
      'data-attempts': view.attempts || 0, transform: `translate(${x},${y})` });
    group.append(el('title', {}, tooltip(step, view)));
    group.append(el('rect', { width: NODE_W, height: NODE_H }));
    group.append(el('text', { x: 8, y: 18 }, shorten(step.id, 24)));
    group.append(el('text', { x: 8, y: 36, class: 'op' }, shorten(step.agent + '.' + step.operation, 28)));
    const badges = [];
    if (view.attempts > 1) badges.push('↻' + view.attempts);
    if (view.state === 'compensated') badges.push('undone');
    if (view.state === 'compensation_failed') badges.push('undo failed');
    if (view.ms !== undefined && view.ms !== null && view.state !== 'running') badges.push(Math.round(view.ms) + ' ms');
    group.append(el('text', { x: 8, y: 49, class: 'badge' }, badges.join(' · ')));
    svg.append(group);
  });
}
