// Calls to the caseops API with the bearer token kept in this tab's session storage (never a cookie, never a URL).

const TOKEN_KEY = 'caseops.console.token';

/** The server's root: the console is served at <root>/console/. */
export const BASE = new URL('../', location.href.split('#')[0]);

/** The service root all API paths hang from. */
export const V = 'v1.0';

/** The collection of cases. */
export const CASES = `${V}/security/cases/ediscoveryCases`;

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value.trim()),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

const unauthorizedListeners = new Set();

/** Called when the server refuses the token (401): the console signs out. */
export function onUnauthorized(listener) {
  unauthorizedListeners.add(listener);
}

export function unauthorized() {
  unauthorizedListeners.forEach((l) => l());
}

/** A Graph error: its HTTP status, code and message. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message || `HTTP ${status}`);
    this.status = status;
    this.code = code;
  }
}

/** An absolute URL for an API path, or the URL itself when it is one already (a nextLink). */
export function url(path) {
  return new URL(path, BASE);
}

/**
 * Calls the API; resolves to the JSON body, or to {location} for an answer without one (202). Rejects with an
 * ApiError carrying the Graph error's code and message.
 */
export async function api(path, { method = 'GET', body, signal, anonymous = false } = {}) {
  // Real names of the enum members after unknownFutureValue (convertToPdf, purgeData, ...).
  const headers = { Accept: 'application/json', Prefer: 'include-unknown-enum-members' };
  if (!anonymous) {
    headers.Authorization = `Bearer ${token.get()}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(url(path), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
    cache: 'no-store',
    credentials: 'omit',
  });
  if (response.status === 401 && !anonymous) {
    unauthorized();
  }
  if (!response.ok) {
    let error = {};
    try {
      error = (await response.json()).error || {};
    } catch (e) {
      // not a Graph error body
    }
    throw new ApiError(response.status, error.code, error.message);
  }
  const text = await response.text();
  return text ? JSON.parse(text) : { location: response.headers.get('Location') };
}

/** Builds a query string from OData options, leaving out empty ones. */
export function query(options) {
  const parts = Object.entries(options)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Every item of a collection, following @odata.nextLink up to `limit` items. */
export async function all(path, limit = 1000) {
  const items = [];
  let next = path;
  while (next && items.length < limit) {
    const page = await api(next);
    items.push(...page.value);
    next = page['@odata.nextLink'];
  }
  return items;
}

/** An OData string literal. */
export function literal(text) {
  return `'${String(text).replaceAll("'", "''")}'`;
}
