// The orchestrator's API as the console calls it: same origin, the user's key in X-API-Key (kept in sessionStorage,
// never in a URL), errors turned into ApiError with the server's own words (shown with textContent, never as HTML).

const KEY_STORAGE = 'autoretail.console.apiKey';

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

export function apiKey() {
  return sessionStorage.getItem(KEY_STORAGE) || '';
}

export function setApiKey(key) {
  if (key) {
    sessionStorage.setItem(KEY_STORAGE, key);
  } else {
    sessionStorage.removeItem(KEY_STORAGE);
  }
}

/** The request headers of every API call: JSON, and the key when there is one. */
export function headers(extra = {}) {
  const all = { Accept: 'application/json', ...extra };
  const key = apiKey();
  if (key) {
    all['X-API-Key'] = key;
  }
  return all;
}

/** A call whose answer is JSON; throws ApiError for any status but 2xx. */
export async function call(method, path, body, signal) {
  const init = { method, headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }), signal };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, describe(response.status, json));
  }
  return json;
}

/** What a failed call tells a person: 401 and 403 in plain words, else the problem's detail. */
export function describe(status, problem) {
  const detail = problem && (problem.detail || problem.error || problem.title);
  if (status === 401) {
    return '401 Unauthorized: the API key is missing or wrong. Type a key of this orchestrator above.';
  }
  if (status === 403) {
    return '403 Forbidden: this key\'s roles do not allow it' + (detail ? ' (' + detail + ')' : '') + '.';
  }
  return status + (detail ? ': ' + detail : '');
}

export const get = (path, signal) => call('GET', path, undefined, signal);
export const post = (path, body) => call('POST', path, body);
