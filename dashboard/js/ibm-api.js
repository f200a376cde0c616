// Talks to Reelforge's IBM Video Streaming face (docs/VIDEOS-API.md) with the user's own OAuth client. Only the access
// token is kept, in sessionStorage (gone when the tab closes); the client secret is sent once, to take it.
import { fetchJson, loadConfig } from './api.js';

const TOKEN = 'reelforge.ibm.token';
const EXPIRES = 'reelforge.ibm.expiresAt';
const ENVIRONMENT = 'reelforge.ibm.environment';
const API_URL = 'reelforge.ibm.apiUrl';

/** IBM's API URL: config.json's ibmApiUrl (its own API on AWS), else the Shotstack API's (one port locally). */
export async function ibmDefaultUrl() {
  const config = await loadConfig();
  return config.ibmApiUrl || config.apiUrl || '';
}

/** The connection, while its token has not expired: {token, apiUrl, environment}. */
export function ibmSession() {
  const token = sessionStorage.getItem(TOKEN);
  const expiresAt = Number(sessionStorage.getItem(EXPIRES));
  if (!token || !(expiresAt > Date.now())) return null;
  return { token, apiUrl: sessionStorage.getItem(API_URL) || '', environment: sessionStorage.getItem(ENVIRONMENT) || '' };
}

export function ibmDisconnect() {
  for (const key of [TOKEN, EXPIRES, ENVIRONMENT, API_URL]) sessionStorage.removeItem(key);
}

/** IBM's words for what went wrong, said plainly; `hint` is the API's own sentence. */
const PLAIN = {
  invalid_client: 'The client id or the client secret is wrong (the API does not say which).',
  invalid_token: 'The access token is missing, expired or revoked: connect again.',
  invalid_grant: 'The grant was refused.',
  invalid_request: 'The request was malformed.',
  unsupported_grant_type: 'That way of taking a token is not supported.',
  not_found: 'Not found: it does not exist (any more), or it is not yours in this environment.',
  lack_of_ownership: 'This video belongs to someone else.',
  forbidden: 'This client is not allowed to do that.',
  bad_request: 'The request was refused.',
  invalid_value: 'A value was refused.',
  request_too_large: 'The request was too large.',
  server_error: 'The service failed unexpectedly; try again, or quote the request id the API gives to support.',
};

/** An answer the IBM API refused, in IBM's envelope {"error", "hint"}. */
export class IbmError extends Error {
  constructor(status, body) {
    const code = body && typeof body.error === 'string' ? body.error : '';
    const hint = body && typeof body.hint === 'string' ? body.hint : '';
    const plain = PLAIN[code] || (status ? `The IBM API answered ${status}.` : 'The IBM API cannot be reached.');
    super(hint ? `${plain} The API says: “${hint}”` : plain);
    this.status = status;
    this.code = code;
    this.hint = hint;
    this.errors = [];
  }
}

function send(apiUrl, method, path, headers, form) {
  return fetchJson(apiUrl + path, { method, headers, body: form === undefined ? undefined : new URLSearchParams(form) },
    (status, json) => new IbmError(status, status ? json : { hint: `nothing answers at ${apiUrl || '(no URL)'}` }));
}

/**
 * Takes a token as the README shows: POST /oauth2/token, the secret in `Authorization: Basic` as is (as IBM's clients
 * send it), grant_type and client_id in a form body. Then reads the token's channel, whose title names the
 * environment of the client ("Videos (stage)").
 */
export async function ibmConnect({ clientId, clientSecret, apiUrl }) {
  const url = apiUrl.replace(/\/+$/, '');
  const token = await send(url, 'POST', '/oauth2/token', { Authorization: `Basic ${clientSecret}` },
    { grant_type: 'client_credentials', client_id: clientId });
  if (!token || typeof token.access_token !== 'string') throw new IbmError(0, { hint: 'the token answer has no access_token' });
  const channels = await send(url, 'GET', '/users/self/channels.json', { Authorization: `Bearer ${token.access_token}` });
  const channel = Object.values((channels && channels.channels) || {})[0];
  const named = channel && typeof channel.title === 'string' ? channel.title.match(/\((stage|v1)\)$/) : null;
  const lifetime = typeof token.expires_in === 'number' ? token.expires_in : 3600;
  sessionStorage.setItem(TOKEN, token.access_token);
  sessionStorage.setItem(EXPIRES, String(Date.now() + lifetime * 1000));
  sessionStorage.setItem(ENVIRONMENT, named ? named[1] : '');
  sessionStorage.setItem(API_URL, url);
}

/** Calls the IBM API with the session's token; `form` (an object) goes as a form-encoded body. */
export async function ibmCall(method, path, form) {
  const current = ibmSession();
  if (!current) throw new IbmError(401, { error: 'invalid_token' });
  try {
    return await send(current.apiUrl, method, path, { Authorization: `Bearer ${current.token}` }, form);
  } catch (error) {
    if (error.status === 401) ibmDisconnect(); // expired or revoked: the page asks to connect again
    throw error;
  }
}
