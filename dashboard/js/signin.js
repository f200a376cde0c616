import { call, loadConfig, signIn, signOut, ApiError } from './api.js';
import { h, show, errorBox } from './dom.js';

/** Sign in with an API key: checked by listing one render, kept in sessionStorage only. */
export function signInPage(onSignedIn) {
  loadConfig().then((config) => {
    const key = h('input', { id: 'api-key', name: 'api-key', type: 'password', autocomplete: 'off', required: true,
      'aria-describedby': 'api-key-hint', spellcheck: 'false' });
    const apiUrl = h('input', { id: 'api-url', name: 'api-url', type: 'url', required: true, value: config.apiUrl || '',
      'aria-describedby': 'api-url-hint' });
    const stage = h('input', { id: 'version-stage', type: 'radio', name: 'version', value: 'stage', checked: true });
    const v1 = h('input', { id: 'version-v1', type: 'radio', name: 'version', value: 'v1' });
    const outcome = h('div', { 'aria-live': 'polite' });
    const submit = h('button', { type: 'submit' }, 'Sign in');
    const form = h('form', {
      novalidate: true,
      onsubmit: async (event) => {
        event.preventDefault();
        outcome.replaceChildren();
        const credentials = { apiKey: key.value.trim(), version: v1.checked ? 'v1' : 'stage',
          apiUrl: apiUrl.value.trim().replace(/\/+$/, '') };
        if (!credentials.apiKey) {
          outcome.replaceChildren(errorBox(new ApiError(0, { response: 'Enter an API key.' })));
          key.focus();
          return;
        }
        submit.disabled = true;
        try {
          await call('GET', `/edit/${credentials.version}/renders?limit=1`, undefined, credentials);
          signIn(credentials);
          onSignedIn();
          location.hash = '#/renders';
        } catch (error) {
          signOut();
          const refused = error.status === 401 || error.status === 403;
          outcome.replaceChildren(errorBox(refused ? new ApiError(error.status, { response:
            `This key is not a valid ${credentials.version} key (keys are per environment: a stage key does not open v1).` })
            : error));
          key.focus();
        } finally {
          submit.disabled = false;
        }
      },
    },
    h('label', { for: 'api-key' }, 'API key'),
    key,
    h('p', { class: 'hint', id: 'api-key-hint' },
      'Kept in this browser tab only (sessionStorage), sent to the API as x-api-key, forgotten when the tab closes. ',
      'On the embedded stack: apiKeys.stage or apiKeys.v1 in .reelforge/local.json.'),
    h('fieldset', {},
      h('legend', {}, 'Environment'),
      h('div', {}, stage, ' ', h('label', { for: 'version-stage', class: 'inline' },
        h('span', { class: 'stage-badge stage' }, 'stage'), ' sandbox: every video is watermarked')),
      h('div', {}, v1, ' ', h('label', { for: 'version-v1', class: 'inline' },
        h('span', { class: 'stage-badge v1' }, 'v1'), ' production: no watermark')),
      h('p', { class: 'hint' }, 'As in Shotstack, the stage environment is for trying things out: its renders carry',
        ' a watermark across the picture so they cannot pass for finished videos. Each environment has its own key,',
        ' renders and assets.')),
    h('label', { for: 'api-url' }, 'API URL'),
    apiUrl,
    h('p', { class: 'hint', id: 'api-url-hint' }, 'The Shotstack API of this Reelforge (filled in from the deployment).'),
    h('p', {}, submit),
    outcome);
    show(h('h1', {}, 'Sign in'), form);
  });
}
