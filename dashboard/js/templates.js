import { call, edit, ApiError } from './api.js';
import { h, show, errorBox, formatTime } from './dom.js';
import { placesOf } from './new-render.js';

const SAMPLE = {
  timeline: {
    background: '#000000',
    tracks: [{ clips: [
      { asset: { type: 'title', text: '{{GREETING}} {{NAME}}' }, start: 0, length: 3 },
    ] }],
  },
  output: { format: 'mp4', resolution: 'sd' },
  merge: [{ find: 'GREETING', replace: 'Hello' }],
};

/** The signed-in key's templates (the Edit API keeps them per key and version), and a form to save a new one. */
export function templatesPage() {
  let stopped = false;
  const outcome = h('div');
  const list = h('div', {}, h('p', { class: 'hint' }, 'Loading…'));

  async function load() {
    try {
      const templates = (await call('GET', edit('/templates'))).response.templates || [];
      if (stopped) return;
      list.replaceChildren(templates.length ? h('table', {},
        h('caption', { class: 'visually-hidden' }, 'Templates'),
        h('thead', {}, h('tr', {}, ['Name', 'Template', 'Created', 'Updated'].map((name) => h('th', { scope: 'col' }, name)))),
        h('tbody', {}, templates.map((template) => h('tr', {},
          h('td', {}, h('a', { href: `#/template/${template.id}` }, template.name || '(no name)')),
          h('td', {}, h('code', {}, template.id)),
          h('td', {}, formatTime(template.created)),
          h('td', {}, formatTime(template.updated))))))
        : h('p', { class: 'hint' }, 'No templates yet.'));
    } catch (error) {
      if (!stopped) outcome.replaceChildren(errorBox(error));
    }
  }

  show(h('h1', {}, 'Templates'), outcome, list,
    h('details', {}, h('summary', {}, 'Save a new template'),
      templateForm({ name: '', template: SAMPLE, label: 'Save template', onSave: async (body) => {
        const answer = await call('POST', edit('/templates'), body);
        location.hash = `#/template/${answer.response.id}`;
      } })));
  load();
  return () => { stopped = true; };
}

/** One template: its edit, rendered with merge fields, changed or deleted. */
export function templatePage(id) {
  let stopped = false;
  const body = h('div', {}, h('p', { class: 'hint' }, 'Loading…'));
  const heading = h('h1', {}, 'Template ', h('code', {}, id));
  show(heading, body);

  const load = () => call('GET', edit(`/templates/${id}`)).then(({ response: template }) => {
    if (stopped) return;
    heading.replaceChildren('Template ', h('q', {}, template.name || '(no name)'));
    document.title = `${heading.textContent} · Reelforge`;
    body.replaceChildren(
      h('dl', { class: 'facts' },
        h('dt', {}, 'Id'), h('dd', {}, h('code', {}, template.id)),
        h('dt', {}, 'Name'), h('dd', {}, template.name)),
      renderForm(template),
      h('h2', {}, 'Edit'),
      h('pre', { class: 'json', tabindex: 0, 'aria-label': 'The template\'s edit, as JSON' }, JSON.stringify(template.template, null, 2)),
      h('details', {}, h('summary', {}, 'Change this template'),
        templateForm({ name: template.name, template: template.template, label: 'Save changes', onSave: async (changed) => {
          await call('PUT', edit(`/templates/${id}`), changed);
          if (stopped) return;
          await load();
          heading.focus(); // the form that had the focus is gone
        } })),
      h('h2', {}, 'Delete'),
      h('p', {}, h('button', { type: 'button', class: 'danger', onclick: async () => {
        if (!confirm(`Delete the template "${template.name}"? Renders made from it stay.`)) return;
        try {
          await call('DELETE', edit(`/templates/${id}`));
          location.hash = '#/templates';
        } catch (error) {
          alert(error.message);
        }
      } }, 'Delete template')));
  }, (error) => {
    if (!stopped) body.replaceChildren(errorBox(error), h('p', {}, h('a', { href: '#/templates' }, 'All templates')));
  });
  load();
  return () => { stopped = true; };
}

/**
 * Merge fields for each placeholder of the template (its own merge fields are the defaults: an empty field keeps
 * the default) and a Render button that goes to the new render's page.
 */
function renderForm(template) {
  const defaults = new Map((Array.isArray(template.template && template.template.merge) ? template.template.merge : [])
    .filter((field) => field && typeof field.find === 'string').map((field) => [field.find, field.replace]));
  const keys = [...new Set([...placeholders(template.template), ...defaults.keys()])];
  const inputs = keys.map((key, index) => ({ key, input: h('input', { type: 'text', id: `merge-${index}`, name: key }),
    meaning: defaults.has(key) ? `default ${JSON.stringify(defaults.get(key))}` : 'no default: left as {{' + key + '}}' }));
  const outcome = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit' }, 'Render');
  return h('form', {
    onsubmit: async (event) => {
      event.preventDefault();
      outcome.replaceChildren();
      const merge = inputs.filter(({ input }) => input.value !== '').map(({ key, input }) => ({ find: key, replace: typed(input.value) }));
      submit.disabled = true;
      try {
        const answer = await call('POST', edit('/templates/render'), JSON.stringify(merge.length ? { id: template.id, merge } : { id: template.id }));
        location.hash = `#/render/${answer.response.id}`;
      } catch (error) {
        outcome.replaceChildren(errorBox(error));
      } finally {
        submit.disabled = false;
      }
    },
  },
  h('h2', {}, 'Render it'),
  inputs.length ? h('fieldset', {}, h('legend', {}, 'Merge fields'),
    h('p', { class: 'hint' }, 'Empty keeps the template\'s default. A number is sent as a number (for a "{{LEN}}" length).'),
    inputs.flatMap(({ key, input, meaning }) => [h('label', { for: input.id }, key, h('span', { class: 'hint' }, ` (${meaning})`)), input]))
    : h('p', { class: 'hint' }, 'This template has no {{placeholders}}.'),
  h('p', {}, submit), outcome);
}

/** A field's text as the JSON value to merge: a number stays a number (a whole-string placeholder takes its type). */
function typed(text) {
  return /^-?(0|[1-9]\d*)(\.\d+)?$/.test(text.trim()) ? Number(text.trim()) : text;
}

/** The {{KEY}} placeholders in the edit's string values (not in its merge array), in order of appearance. */
function placeholders(editJson) {
  const found = [];
  const visit = (value) => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(/\{\{([^{}]+)\}\}/g)) {
        const key = match[1].trim();
        if (key) found.push(key);
      }
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.entries(value).forEach(([name, inner]) => { if (name !== 'merge') visit(inner); });
  };
  visit(editJson);
  return found;
}

/** Name and edit (a JSON textarea with the new-render page's error buttons); `onSave` gets the body to send. */
function templateForm({ name, template, label, onSave }) {
  const nameInput = h('input', { type: 'text', id: 'template-name', name: 'name', required: true });
  nameInput.value = name;
  const editor = h('textarea', { id: 'template-json', name: 'template', spellcheck: 'false', 'aria-describedby': 'template-hint' });
  editor.value = JSON.stringify(template, null, 2);
  const outcome = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit' }, label);
  return h('form', {
    onsubmit: async (event) => {
      event.preventDefault();
      outcome.replaceChildren();
      let parsed;
      try {
        parsed = JSON.parse(editor.value);
      } catch (error) {
        outcome.replaceChildren(errorBox(new ApiError(0, { response: `This is not JSON: ${error.message}` })));
        editor.focus();
        return;
      }
      submit.disabled = true;
      try {
        await onSave(JSON.stringify({ name: nameInput.value, template: parsed }));
      } catch (error) {
        outcome.replaceChildren(errorBox(error), placesOf(error, editor, 'template'));
      } finally {
        submit.disabled = false;
      }
    },
  },
  h('label', { for: 'template-name' }, 'Name'), nameInput,
  h('label', { for: 'template-json' }, 'Edit (JSON)'),
  h('p', { class: 'hint', id: 'template-hint' }, 'An edit with {{placeholders}}; its merge fields are their defaults.'),
  editor,
  h('p', {}, submit), outcome);
}
