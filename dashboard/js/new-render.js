import { call, edit, ApiError } from './api.js';
import { h, show, errorBox } from './dom.js';
import { locate } from './json-path.js';

const SAMPLE = {
  timeline: {
    background: '#000000',
    tracks: [{ clips: [
      { asset: { type: 'title', text: 'Hello {{NAME}}' }, start: 0, length: 3 },
    ] }],
  },
  output: { format: 'mp4', resolution: 'sd' },
  merge: [{ find: 'NAME', replace: 'Reelforge' }],
};

/** A JSON editor that submits an edit and shows the API's validation errors at their JSON paths. */
export function newRenderPage() {
  const editor = h('textarea', { id: 'edit-json', name: 'edit', spellcheck: 'false', 'aria-describedby': 'edit-hint' });
  editor.value = JSON.stringify(SAMPLE, null, 2);
  const outcome = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit' }, 'Render');
  const form = h('form', {
    onsubmit: async (event) => {
      event.preventDefault();
      outcome.replaceChildren();
      editor.removeAttribute('aria-invalid');
      try {
        JSON.parse(editor.value);
      } catch (error) {
        outcome.replaceChildren(errorBox(new ApiError(0, { response: `This is not JSON: ${error.message}` })));
        editor.focus();
        return;
      }
      submit.disabled = true;
      try {
        const answer = await call('POST', edit('/render'), editor.value);
        location.hash = `#/render/${answer.response.id}`;
      } catch (error) {
        outcome.replaceChildren(errorBox(error), placesOf(error, editor));
        editor.setAttribute('aria-invalid', 'true');
      } finally {
        submit.disabled = false;
      }
    },
  },
  h('label', { for: 'edit-json' }, 'Edit (JSON)'),
  h('p', { class: 'hint', id: 'edit-hint' }, 'Shotstack\'s edit schema: timeline, output, merge, callback. ',
    'Errors are listed by their JSON path (timeline.tracks[0].clips[0].length).'),
  editor,
  h('p', { class: 'toolbar' }, submit,
    h('button', { type: 'button', class: 'secondary', onclick: () => {
      try {
        editor.value = JSON.stringify(JSON.parse(editor.value), null, 2);
      } catch (error) {
        outcome.replaceChildren(errorBox(new ApiError(0, { response: `This is not JSON: ${error.message}` })));
      }
    } }, 'Format'),
    h('button', { type: 'button', class: 'secondary', onclick: () => { editor.value = JSON.stringify(SAMPLE, null, 2); } },
      'Reset to the sample')),
  outcome);
  show(h('h1', {}, 'New render'), form);
}

/**
 * A button per error with a path that selects the value at that path in the editor; `within` is the body's field the
 * editor holds (a template's `template`): only paths inside it get a button, with that field's name taken off.
 */
export function placesOf(error, editor, within = '') {
  const located = (error.errors || []).filter((item) => item.path).map((item) => ({ shown: item.path, path: inside(item.path, within) }))
    .filter((item) => item.path !== null);
  if (!located.length) return null;
  return h('p', {}, 'Show in the editor: ', located.map((item) => h('button', {
    type: 'button', class: 'secondary',
    onclick: () => {
      const range = locate(editor.value, item.path);
      editor.focus();
      if (range) editor.setSelectionRange(range[0], range[1]);
    },
  }, item.shown)).flatMap((button) => [button, ' ']));
}

function inside(path, within) {
  if (!within) return path;
  if (path === within) return '';
  return path.startsWith(within) && /^[.[]/.test(path.slice(within.length)) ? path.slice(within.length).replace(/^\./, '') : null;
}
