// Talks to Reelforge's Shotstack API (Edit and Serve) with the user's key. The key lives in sessionStorage only:
// it is gone when the tab closes, and never written anywhere else.

const KEY = 'reelforge.apiKey';
const VERSION = 'reelforge.version';
const API_URL = 'reelforge.apiUrl';

let configured = null;

/** The stack's API URL: config.json next to the page (written by the stack or the deployment), else the user's. */
export async function loadConfig() {
  if (configured === null) {
    try {
      const answer = await fetch('config.json', { cache: 'no-store' });
      configured = answer.ok ? await answer.json() : {};
    } catch {
      configured = {};
    }
  }
  return configured;
}

export function session() {
  const apiKey = sessionStorage.getItem(KEY);
  const version = sessionStorage.getItem(VERSION);
  const apiUrl = sessionStorage.getItem(API_URL) || (configured && configured.apiUrl) || '';
  return apiKey && version ? { apiKey, version, apiUrl } : null;
}

export function signIn({ apiKey, version, apiUrl }) {
  sessionStorage.setItem(KEY, apiKey);
  sessionStorage.setItem(VERSION, version);
  if (apiUrl) sessionStorage.setItem(API_URL, apiUrl.replace(/\/+$/, ''));
}

export function signOut() {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(VERSION);
  sessionStorage.removeItem(API_URL);
}

/**
 * An answer the API refused: its status and the Shotstack envelope's message, response and errors[{path, message}],
 * or the Ingest API's errors[{status, title, detail}] (no response field: its details become the errors).
 */
export class ApiError extends Error {
  constructor(status, body) {
    const list = body && Array.isArray(body.errors) ? body.errors : [];
    const ingest = body && body.response === undefined && body.message === undefined && list.some((item) => item && item.detail);
    const text = body && typeof body.response === 'string' ? body.response
      : body && body.message ? body.message
        : ingest && list[0].title ? list[0].title : `the API answered ${status}`;
    super(text);
    this.status = status;
    this.body = body;
    this.errors = ingest ? list.map((item) => ({ message: item.detail })) : list;
  }
}

/**
 * One cross-origin request without cookies, its answer parsed as JSON (null when empty). A refusal becomes
 * `refused(status, body)`, an unreachable API `refused(0, null)`: each face builds its own error from its envelope.
 */
export async function fetchJson(url, init, refused) {
  let answer;
  try {
    answer = await fetch(url, { ...init, mode: 'cors', credentials: 'omit' });
  } catch {
    throw refused(0, null);
  }
  const text = await answer.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch { json = null; }
  }
  if (!answer.ok) throw refused(answer.status, json);
  return json;
}

/** Calls `method` on `path` (from /edit/{v}, /serve/{v} or /ingest/{v}: pass the whole path with {v} already in it). */
export async function call(method, path, body, credentials = session()) {
  if (!credentials) throw new ApiError(401, { response: 'not signed in' });
  const headers = { 'x-api-key': credentials.apiKey };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return fetchJson(credentials.apiUrl + path, { method, headers, body }, (status, json) => new ApiError(status,
    status ? json : { response: `the API at ${credentials.apiUrl || '(no URL)'} cannot be reached` }));
}

export const edit = (path) => `/edit/${session().version}${path}`;
export const serve = (path) => `/serve/${session().version}${path}`;
export const ingest = (path) => `/ingest/${session().version}${path}`;
