import { call, edit, serve } from './api.js';
import { h, show, errorBox, formatTime, formatDuration, statusBadge, progressBar, replaceKeepingFocus } from './dom.js';

const POLL_MS = 2000;
const TEMPORARY_URL_LIFETIME_MS = 24 * 60 * 60 * 1000;
const VIDEO = /\.(mp4|webm|mov)(\?|$)/i;

/** One render: facts, progress while it runs, player, poster and thumbnail, hosted assets, callbacks, edit. */
export function renderPage(id) {
  let stopped = false;
  let timer = null;
  const summary = h('div');
  // announces changes of status only, not every poll's numbers
  const announcer = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  let lastStatus = null;
  const media = h('div');
  const assets = h('div');
  const callbacks = h('div');
  const editJson = h('div');
  let shownMedia = '';

  async function load() {
    clearTimeout(timer); // a reload after a click must not start a second polling loop
    let render;
    try {
      render = (await call('GET', edit(`/render/${id}?data=true`))).response;
    } catch (error) {
      if (!stopped) summary.replaceChildren(errorBox(error));
      return;
    }
    if (stopped) return;
    const finished = render.status === 'done' || render.status === 'failed';
    replaceKeepingFocus(summary, facts(render, () => cancel(id, load)));
    if (render.status !== lastStatus) {
      lastStatus = render.status;
      announcer.textContent = `Status: ${render.status}`;
    }
    if (render.data && !editJson.firstChild) {
      editJson.replaceChildren(h('pre', { class: 'json', tabindex: 0, 'aria-label': 'The edit, as JSON' },
        JSON.stringify(render.data, null, 2)));
    }
    if (finished) {
      const hosted = await loadAssets(id, assets, () => load());
      const key = JSON.stringify([render.url, render.poster, render.thumbnail, hosted.map((asset) => asset.url)]);
      if (key !== shownMedia) {
        shownMedia = key;
        media.replaceChildren(player(render, hosted));
      }
      await loadCallbacks(id, callbacks);
      // assets are hosted a little after the render is done: keep looking until none is still on its way
      if (!stopped && hosted.some((asset) => asset.status === 'queued' || asset.status === 'importing')) {
        timer = setTimeout(load, POLL_MS);
      }
    } else if (!stopped) {
      timer = setTimeout(load, POLL_MS);
    }
  }

  show(h('h1', {}, 'Render ', h('code', {}, id)),
    announcer, summary, media,
    h('h2', {}, 'Hosted assets'), assets,
    h('h2', {}, 'Callback deliveries'), callbacks,
    h('h2', {}, 'Edit'), editJson);
  load();
  return () => { stopped = true; clearTimeout(timer); };
}

function facts(render, onCancel) {
  const finished = render.status === 'done' || render.status === 'failed';
  return h('div', {},
    h('dl', { class: 'facts' },
      h('dt', {}, 'Status'), h('dd', {}, statusBadge(render.status)),
      // a failed render's progress is 100 (it is finished), which a full bar would misstate
      render.status === 'failed' ? null : [h('dt', {}, 'Progress'),
        h('dd', { class: 'wide' }, progressBar(render.progress, 'render progress'), ` ${render.progress ?? 0}%`)],
      h('dt', {}, 'Duration'), h('dd', {}, formatDuration(render.duration)),
      h('dt', {}, 'Render time'), h('dd', {}, typeof render.renderTime === 'number' ? `${(render.renderTime / 1000).toFixed(1)} s` : '—'),
      h('dt', {}, 'Created'), h('dd', {}, formatTime(render.created)),
      h('dt', {}, 'Updated'), h('dd', {}, formatTime(render.updated))),
    render.status === 'failed' ? failure(render.error) : null,
    finished ? null : h('p', {}, h('button', { type: 'button', class: 'danger', onclick: onCancel }, 'Cancel render')));
}

/** A failed render's error, said plainly; the API's own words follow. */
function failure(error) {
  const text = String(error || '');
  const plain = text === 'cancelled' ? 'It was cancelled before it finished.'
    : /fetch|download|source|url/i.test(text) ? 'A file the edit names could not be fetched.'
      : /timeout|stuck|stopped moving/i.test(text) ? 'It stopped making progress and was given up.'
        : 'It could not be rendered.';
  return h('div', { class: 'error-box', role: 'alert' },
    h('p', {}, h('strong', {}, 'This render failed. '), plain),
    text ? h('p', {}, 'Reason given: ', h('q', {}, text)) : null);
}

async function cancel(id, reload) {
  if (!confirm('Cancel this render? Its work stops and nothing is hosted.')) return;
  try {
    await call('DELETE', edit(`/render/${id}`));
  } catch (error) {
    alert(error.message);
  }
  reload();
}

/** The temporary URL while it is valid (24 h after the render ended), else the hosted copy. */
function player(render, hosted) {
  const ended = new Date(render.updated).getTime();
  const temporaryValid = render.url && !Number.isNaN(ended) && Date.now() < ended + TEMPORARY_URL_LIFETIME_MS;
  const hostedVideo = hosted.find((asset) => asset.status === 'ready' && VIDEO.test(asset.url || ''));
  const source = temporaryValid ? render.url : hostedVideo ? hostedVideo.url : null;
  const parts = [];
  if (source && VIDEO.test(source)) {
    parts.push(h('figure', {},
      h('video', { controls: true, preload: 'metadata', src: source, poster: render.poster || false,
        'aria-label': 'The rendered video' }),
      h('figcaption', { class: 'hint' }, temporaryValid ? 'Temporary URL (valid 24 hours after the render). '
        : 'Hosted copy. ', h('a', { href: source }, 'Open the file'))));
  } else if (source) {
    parts.push(h('p', {}, h('a', { href: source }, 'Open the output')));
  }
  if (render.poster) parts.push(h('figure', {}, h('img', { src: render.poster, alt: 'Poster of the render' }), h('figcaption', { class: 'hint' }, 'Poster')));
  if (render.thumbnail) parts.push(h('figure', {}, h('img', { src: render.thumbnail, alt: 'Thumbnail of the render' }), h('figcaption', { class: 'hint' }, 'Thumbnail')));
  return parts.length ? h('div', { class: 'media' }, parts) : h('p', { class: 'hint' }, 'No output to show.');
}

async function loadAssets(id, place, reload) {
  let answer;
  try {
    answer = await call('GET', serve(`/assets/render/${id}`));
  } catch (error) {
    if (error.status === 404) {
      place.replaceChildren(h('p', { class: 'hint' }, 'None hosted.'));
      return [];
    }
    place.replaceChildren(errorBox(error));
    return [];
  }
  const hosted = (answer.data || []).map((item) => item.attributes || {});
  replaceKeepingFocus(place, hosted.length ? h('table', {},
    h('thead', {}, h('tr', {}, ['File', 'Status', 'Created', ''].map((name) => h('th', { scope: 'col' }, name)))),
    h('tbody', {}, hosted.map((asset) => h('tr', {},
      h('td', {}, asset.url && asset.status === 'ready' ? h('a', { href: asset.url }, asset.filename || asset.url) : (asset.filename || asset.id)),
      h('td', {}, asset.status),
      h('td', {}, formatTime(asset.created)),
      h('td', {}, asset.status === 'deleted' ? null : h('button', {
        type: 'button', class: 'danger', 'aria-label': `Delete ${asset.filename || asset.id}`,
        onclick: async () => {
          if (!confirm(`Delete ${asset.filename || asset.id}? Its file leaves the CDN.`)) return;
          try {
            await call('DELETE', serve(`/assets/${asset.id}`));
          } catch (error) {
            alert(error.message);
          }
          reload();
        },
      }, 'Delete'))))))
    : h('p', { class: 'hint' }, 'None hosted.'));
  return hosted;
}

async function loadCallbacks(id, place) {
  try {
    const list = (await call('GET', edit(`/render/${id}/callbacks`))).response.callbacks || [];
    place.replaceChildren(list.length ? h('table', {},
      h('thead', {}, h('tr', {}, ['Event', 'URL', 'State', 'Attempts', 'Last answer', 'Updated'].map((name) => h('th', { scope: 'col' }, name)))),
      h('tbody', {}, list.map((delivery) => h('tr', {},
        h('td', {}, delivery.event), h('td', {}, delivery.url), h('td', {}, delivery.state),
        h('td', {}, delivery.attempts), h('td', {}, delivery.lastStatus ?? '—'), h('td', {}, formatTime(delivery.updated))))))
      : h('p', { class: 'hint' }, 'This render asked for no callback.'));
  } catch (error) {
    place.replaceChildren(errorBox(error));
  }
}
