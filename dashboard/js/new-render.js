import { call, edit, ApiError } from './api.js';
import { h, show, errorBox } from './dom.js';

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
        outcome.replaceChildren(errorBox(error));
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
