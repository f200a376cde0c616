// The form the IBM and Picovico pages connect with: an id and a secret of the user's own client of that face, and
// the face's API URL (filled in from the deployment), exchanged by `connect` for credentials the face's module keeps.
import { h, errorBox } from './dom.js';

/** Shows the current page again for the same hash (after connecting or disconnecting). */
export function rerun() {
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/**
 * `face` names the fields' ids (`${face}-${id}`, `${face}-${secret}`, `${face}-api-url`); `labels` holds the id's,
 * the secret's and the API URL's labels and the `missing` message; `hint` and `apiHint` describe them; `connect`
 * takes `{[id], [secret], apiUrl}` (camel-cased) and throws on refusal; `refused(error)` words a refusal.
 */
export function connectForm({ face, id, secret, labels, hint, apiHint, defaultUrl, connect, disconnect,
  refused = (error) => error }, note) {
  const field = (name, type) => h('input', { id: `${face}-${name}`, name, type, autocomplete: 'off', required: true,
    spellcheck: 'false', 'aria-describedby': `${face}-credentials-hint` });
  const idInput = field(id, 'text');
  const secretInput = field(secret, 'password');
  const apiUrl = h('input', { id: `${face}-api-url`, name: 'api-url', type: 'url', required: true,
    'aria-describedby': `${face}-api-url-hint` });
  defaultUrl().then((url) => { if (!apiUrl.value) apiUrl.value = url; });
  const outcome = h('div', { 'aria-live': 'polite' }, note ? errorBox(note) : null);
  const submit = h('button', { type: 'submit' }, 'Connect');
  const camel = (name) => name.replace(/-(\w)/g, (_, letter) => letter.toUpperCase());
  return h('form', {
    novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      outcome.replaceChildren();
      const fields = { [camel(id)]: idInput.value.trim(), [camel(secret)]: secretInput.value.trim(), apiUrl: apiUrl.value.trim() };
      const missing = [idInput, secretInput, apiUrl].find((input) => !input.value.trim());
      if (missing) {
        outcome.replaceChildren(errorBox({ message: labels.missing }));
        missing.focus();
        return;
      }
      submit.disabled = true;
      try {
        await connect(fields);
        rerun();
      } catch (error) {
        disconnect();
        outcome.replaceChildren(errorBox(refused(error)));
        idInput.focus();
      } finally {
        submit.disabled = false;
      }
    },
  },
  h('label', { for: idInput.id }, labels.id),
  idInput,
  h('label', { for: secretInput.id }, labels.secret),
  secretInput,
  h('p', { class: 'hint', id: `${face}-credentials-hint` }, hint),
  h('label', { for: apiUrl.id }, labels.apiUrl),
  apiUrl,
  h('p', { class: 'hint', id: `${face}-api-url-hint` }, apiHint),
  h('p', {}, submit),
  outcome);
}
