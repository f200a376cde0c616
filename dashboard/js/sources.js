import { call, ingest, ApiError } from './api.js';
import { h, show, errorBox, formatTime, formatDuration, statusBadge, replaceKeepingFocus, link } from './dom.js';

const POLL_MS = 3000;
const VIDEO = /\.(mp4|webm|mov|m4v)(\?|$)/i;
const IMAGE = /\.(png|jpe?g|gif|webp)(\?|$)/i;

/** A source or one of its renditions is still on its way: keep polling. */
function moving(source) {
  return source.status === 'queued' || source.status === 'importing'
    || renditionsOf(source).some((rendition) => rendition.status === 'queued');
}

function renditionsOf(source) {
  return (source.outputs && Array.isArray(source.outputs.renditions)) ? source.outputs.renditions : [];
}

function size(item) {
  return item.width && item.height ? `${item.width}×${item.height}` : '—';
}

/** The sources of the signed-in key, newest first, refreshed while any is on its way; a form fetches a new one. */
export function sourcesPage() {
  let stopped = false;
  let timer = null;
  const outcome = h('div');
  const body = h('tbody', {}, h('tr', {}, h('td', { colspan: 8 }, 'Loading…')));
  const live = h('p', { class: 'hint' });

  async function load() {
    clearTimeout(timer);
    let sources;
    try {
      sources = ((await call('GET', ingest('/sources'))).data || []).map((item) => item.attributes || {});
    } catch (error) {
      if (!stopped) outcome.replaceChildren(errorBox(error));
      return;
    }
    if (stopped) return;
    outcome.replaceChildren();
    replaceKeepingFocus(body, ...(sources.length ? sources.map((source) => row(source, load))
      : [h('tr', {}, h('td', { colspan: 8 }, 'No sources yet.'))]));
    if (sources.some(moving)) {
      live.textContent = `Updated ${new Date().toLocaleTimeString()}; refreshed every ${POLL_MS / 1000} s while a source is on its way.`;
      timer = setTimeout(load, POLL_MS);
    } else {
      live.textContent = `Updated ${new Date().toLocaleTimeString()}.`;
    }
  }

  show(h('h1', {}, 'Ingested sources'),
    fetchForm(),
    h('h2', {}, 'Your sources'),
    outcome,
    h('table', {},
      h('caption', { class: 'visually-hidden' }, 'Sources, newest first'),
      h('thead', {}, h('tr', {}, ['Source', 'Status', 'From', 'Size', 'Duration', 'Renditions', 'Created', '']
        .map((name) => h('th', { scope: 'col' }, name)))),
      body),
    live);
  load();
  return () => { stopped = true; clearTimeout(timer); };
}

function row(source, reload) {
  const renditions = renditionsOf(source);
  return h('tr', {},
    h('td', {}, h('a', { href: `#/source/${source.id}` }, source.id)),
    h('td', {}, statusBadge(source.status), source.status === 'ready' && source.source ? [' ', link(source.source, 'file')] : null),
    h('td', { class: 'url' }, source.input ? link(source.input) : 'an upload'),
    h('td', {}, size(source)),
    h('td', {}, formatDuration(source.duration)),
    h('td', {}, renditions.length ? h('ul', { class: 'plain' }, renditions.map((rendition) => h('li', {},
      statusBadge(rendition.status), ' ', describe(rendition),
      rendition.status === 'ready' && rendition.url ? [' ', link(rendition.url, 'file')] : null))) : 'none'),
    h('td', {}, formatTime(source.created)),
    h('td', {}, h('button', { type: 'button', class: 'danger', id: `delete-${source.id}`, 'aria-label': `Delete source ${source.id}`,
      onclick: () => remove(source.id, reload) }, 'Delete')));
}

/** What a rendition was asked to be: its format and resolution or size, as the request said them. */
function describe(rendition) {
  const asked = rendition.transformation || {};
  const dimensions = asked.size ? [asked.size.width, asked.size.height].filter(Boolean).join('×') : '';
  return [asked.format, asked.resolution, dimensions, asked.filename].filter(Boolean).join(' ') || 'rendition';
}

async function remove(id, then) {
  if (!confirm(`Delete the source ${id}? Its file and its renditions' files go.`)) return;
  try {
    await call('DELETE', ingest(`/sources/${id}`));
  } catch (error) {
    alert(error.message);
    return;
  }
  then();
}

/** Fetch a source by URL (POST /ingest/{v}/sources), optionally with renditions; goes to the new source's page. */
function fetchForm() {
  const url = h('input', { type: 'url', id: 'source-url', name: 'url', required: true, placeholder: 'https://…/video.mp4' });
  const outputs = h('textarea', { id: 'source-outputs', name: 'outputs', spellcheck: 'false', class: 'short',
    'aria-describedby': 'source-outputs-hint', placeholder: '{"renditions": [{"format": "mp4", "resolution": "sd"}]}' });
  const outcome = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit' }, 'Fetch');
  return h('form', {
    onsubmit: async (event) => {
      event.preventDefault();
      outcome.replaceChildren();
      const request = { url: url.value.trim() };
      if (outputs.value.trim()) {
        try {
          request.outputs = JSON.parse(outputs.value);
        } catch (error) {
          outcome.replaceChildren(errorBox(new ApiError(0, { response: `Outputs is not JSON: ${error.message}` })));
          outputs.focus();
          return;
        }
      }
      submit.disabled = true;
      try {
        const answer = await call('POST', ingest('/sources'), JSON.stringify(request));
        location.hash = `#/source/${answer.data.id}`;
      } catch (error) {
        outcome.replaceChildren(errorBox(error));
      } finally {
        submit.disabled = false;
      }
    },
  },
  h('h2', {}, 'Fetch a source by URL'),
  h('label', { for: 'source-url' }, 'URL of the file'), url,
  h('label', { for: 'source-outputs' }, 'Outputs (JSON, optional)'),
  h('p', { class: 'hint', id: 'source-outputs-hint' }, 'Renditions to make of it, as the Ingest API\'s outputs: ',
    h('code', {}, '{"renditions": [{"format": "mp4", "resolution": "sd"}]}'), '.'),
  outputs,
  h('p', {}, submit), outcome);
}

/** One source: facts, a preview when ready, its renditions, delete; polled while it or a rendition is on its way. */
export function sourcePage(id) {
  let stopped = false;
  let timer = null;
  const announcer = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  let lastStatus = null;
  const summary = h('div', {}, h('p', { class: 'hint' }, 'Loading…'));
  const preview = h('div');
  const renditions = h('div');
  let shownPreview = null;

  async function load() {
    clearTimeout(timer);
    let source;
    try {
      source = (await call('GET', ingest(`/sources/${id}`))).data.attributes || {};
    } catch (error) {
      if (!stopped) summary.replaceChildren(errorBox(error), h('p', {}, h('a', { href: '#/sources' }, 'All sources')));
      return;
    }
    if (stopped) return;
    replaceKeepingFocus(summary, facts(source));
    if (source.status !== lastStatus) {
      lastStatus = source.status;
      announcer.textContent = `Status: ${source.status}`;
    }
    const previewed = source.status === 'ready' ? source.source || '' : '';
    const ended = source.status === 'failed' || source.status === 'deleted';
    if (`${ended} ${previewed}` !== shownPreview) { // a new player on every poll would restart the video
      shownPreview = `${ended} ${previewed}`;
      preview.replaceChildren(previewed ? media(previewed, 'The ingested source') : h('p', { class: 'hint' },
        ended ? 'Nothing to show.' : 'A preview shows once the source is ready.'));
    }
    replaceKeepingFocus(renditions, renditionsTable(source));
    if (moving(source)) timer = setTimeout(load, POLL_MS);
  }

  show(h('h1', {}, 'Source ', h('code', {}, id)),
    announcer, summary, preview,
    h('h2', {}, 'Renditions'), renditions,
    h('h2', {}, 'Delete'),
    h('p', {}, h('button', { type: 'button', class: 'danger', onclick: () => remove(id, () => { location.hash = '#/sources'; }) },
      'Delete source')));
  load();
  return () => { stopped = true; clearTimeout(timer); };
}

function facts(source) {
  return h('div', {},
    h('dl', { class: 'facts' },
      h('dt', {}, 'Status'), h('dd', {}, statusBadge(source.status)),
      h('dt', {}, 'Fetched from'), h('dd', { class: 'url' }, source.input ? link(source.input) : 'an upload'),
      h('dt', {}, 'Stored at'), h('dd', { class: 'url' }, source.source ? link(source.source) : '—'),
      h('dt', {}, 'Size'), h('dd', {}, size(source)),
      h('dt', {}, 'Duration'), h('dd', {}, formatDuration(source.duration)),
      h('dt', {}, 'Frame rate'), h('dd', {}, typeof source.fps === 'number' ? `${source.fps} fps` : '—'),
      h('dt', {}, 'Created'), h('dd', {}, formatTime(source.created)),
      h('dt', {}, 'Updated'), h('dd', {}, formatTime(source.updated))),
    source.status === 'failed' ? h('div', { class: 'error-box', role: 'alert' },
      h('p', {}, h('strong', {}, 'This source failed. '), 'Its file could not be fetched or read as media. ',
        'The Ingest API gives no reason here; a callback\'s error and the stack\'s logs do.')) : null);
}

function media(url, label) {
  if (VIDEO.test(url)) {
    return h('figure', {}, h('video', { controls: true, preload: 'metadata', src: url, 'aria-label': label }),
      h('figcaption', { class: 'hint' }, link(url, 'Open the file')));
  }
  if (IMAGE.test(url)) return h('figure', {}, h('img', { src: url, alt: label }), h('figcaption', { class: 'hint' }, link(url, 'Open the file')));
  return h('p', {}, link(url, 'Open the file'));
}

function renditionsTable(source) {
  const list = renditionsOf(source);
  if (!list.length) return h('p', { class: 'hint' }, 'None asked for.');
  return h('table', {},
    h('thead', {}, h('tr', {}, ['Rendition', 'Status', 'Asked for', 'Size', 'Duration', 'Frame rate', 'File']
      .map((name) => h('th', { scope: 'col' }, name)))),
    h('tbody', {}, list.map((rendition) => h('tr', {},
      h('td', {}, h('code', {}, rendition.id)),
      h('td', {}, statusBadge(rendition.status)),
      h('td', {}, describe(rendition)),
      h('td', {}, size(rendition)),
      h('td', {}, formatDuration(rendition.duration)),
      h('td', {}, typeof rendition.fps === 'number' ? `${rendition.fps} fps` : '—'),
      h('td', {}, rendition.status === 'ready' && rendition.url ? link(rendition.url, 'Open') : '—')))));
}
