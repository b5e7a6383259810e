// The public API, called with the key held in sessionStorage (sent as X-Api-Key; never in a URL, never logged).
const KEY = 'supportfunctions.key';

export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export const session = {
  get key() { return sessionStorage.getItem(KEY); },
  set key(value) { if (value) sessionStorage.setItem(KEY, value); else sessionStorage.removeItem(KEY); },
};

export async function api(path, { method = 'GET', body, accept = 'application/json' } = {}) {
  const headers = { 'X-Api-Key': session.key ?? '', Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  if (!response.ok) {
    let problem;
    try { problem = await response.json(); } catch { problem = { title: response.statusText }; }
    throw new ApiProblem(response.status, problem);
  }
  if (accept === 'text/csv') return response.text();
  return response.status === 204 ? null : response.json();
}

export function query(parameters) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    for (const one of [].concat(value ?? [])) if (one !== '' && one !== undefined && one !== null) search.append(name, one);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
