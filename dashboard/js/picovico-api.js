// Talks to Reelforge's Picovico face (docs/PROJECTS-API.md) with the user's own app. Only the access pair from
// POST /login/app is kept, in sessionStorage (gone when the tab closes); the app secret is sent once, to log in.
import { fetchJson, loadConfig } from './api.js';

const ACCESS_KEY = 'reelforge.picovico.accessKey';
const ACCESS_TOKEN = 'reelforge.picovico.accessToken';
const USER = 'reelforge.picovico.user';
const API_URL = 'reelforge.picovico.apiUrl';

/** Picovico's API URL: config.json's picovicoApiUrl (its own API on AWS), else the Shotstack API's (one port locally). */
export async function picovicoDefaultUrl() {
  const config = await loadConfig();
  return config.picovicoApiUrl || config.apiUrl || '';
}

/** The connection: {accessKey, accessToken, user, apiUrl}. */
export function picovicoSession() {
  const accessKey = sessionStorage.getItem(ACCESS_KEY);
  const accessToken = sessionStorage.getItem(ACCESS_TOKEN);
  if (!accessKey || !accessToken) return null;
  return { accessKey, accessToken, user: sessionStorage.getItem(USER) || '', apiUrl: sessionStorage.getItem(API_URL) || '' };
}

export function picovicoDisconnect() {
  for (const key of [ACCESS_KEY, ACCESS_TOKEN, USER, API_URL]) sessionStorage.removeItem(key);
}

/** An answer the Picovico API refused, in its envelope {"error": {"message", "status"}} (status: HTTP or a 74xx code). */
export class PicovicoError extends Error {
  constructor(status, body) {
    const error = body && typeof body.error === 'object' && body.error ? body.error : {};
    const said = typeof error.message === 'string' ? error.message : '';
    const plain = status === 401 ? 'Not logged in, or the access pair has expired: connect again.'
      : status === 0 ? 'The Picovico API cannot be reached.'
        : status === 404 ? 'Not found: it does not exist (any more), or it is not yours in this environment.'
          : status === 409 ? 'Not now: the project is in a status that does not allow it.'
            : status >= 500 ? 'The service failed unexpectedly; try again, or quote the request id the API gives to support.'
              : 'The request was refused.';
    super(said ? `${plain} The API says: “${said}”` : plain);
    this.status = status;
    this.code = typeof error.status === 'number' ? error.status : status;
    this.errors = [];
  }
}

function send(apiUrl, method, path, headers, form) {
  return fetchJson(apiUrl + path, { method, headers, body: form === undefined ? undefined : new URLSearchParams(form) },
    (status, json) => new PicovicoError(status, status ? json : { error: { message: `nothing answers at ${apiUrl || '(no URL)'}` } }));
}

/** POST /login/app with app_id and app_secret (form-encoded, as the SDKs send them); keeps the access pair. */
export async function picovicoConnect({ appId, appSecret, apiUrl }) {
  const url = apiUrl.replace(/\/+$/, '');
  const login = await send(url, 'POST', '/login/app', {}, { app_id: appId, app_secret: appSecret });
  if (!login || typeof login.access_key !== 'string' || typeof login.access_token !== 'string') {
    throw new PicovicoError(0, { error: { message: 'the login answer has no access pair' } });
  }
  sessionStorage.setItem(ACCESS_KEY, login.access_key);
  sessionStorage.setItem(ACCESS_TOKEN, login.access_token);
  sessionStorage.setItem(USER, typeof login.id === 'string' ? login.id : '');
  sessionStorage.setItem(API_URL, url);
}

/** Calls the Picovico API with the session's access pair. */
export async function picovicoCall(method, path, form) {
  const current = picovicoSession();
  if (!current) throw new PicovicoError(401, null);
  try {
    return await send(current.apiUrl, method, path,
      { 'X-Access-Key': current.accessKey, 'X-Access-Token': current.accessToken }, form);
  } catch (error) {
    if (error.status === 401) picovicoDisconnect(); // expired: the page asks to connect again
    throw error;
  }
}
