import { call, edit } from './api.js';
import { h, show, errorBox, formatTime, formatDuration, statusBadge, progressBar, replaceKeepingFocus } from './dom.js';

const STATUSES = ['queued', 'fetching', 'rendering', 'saving', 'done', 'failed'];
const POLL_MS = 3000;

/** Renders, newest first, filtered by status, a page at a time (the API's cursor), refreshed every 3 s. */
export function rendersPage(path) {
  const query = new URLSearchParams(path.split('?')[1] || '');
  const status = STATUSES.includes(query.get('status')) ? query.get('status') : '';
  const cursor = query.get('cursor') || '';
  let timer = null;
  let stopped = false;

  const filter = h('select', { id: 'status-filter', name: 'status',
    onchange: () => { location.hash = filter.value ? `#/renders?status=${filter.value}` : '#/renders'; } },
  h('option', { value: '' }, 'any status'),
  STATUSES.map((name) => h('option', { value: name, selected: name === status }, name)));
  const live = h('p', { class: 'hint', 'aria-live': 'off' });
  const body = h('tbody');
  const table = h('table', {},
    h('caption', { class: 'visually-hidden' }, 'Renders, newest first'),
    h('thead', {}, h('tr', {}, ['Render', 'Status', 'Progress', 'Duration', 'Created'].map((name) => h('th', { scope: 'col' }, name)))),
    body);
  const outcome = h('div');
  const paging = h('p');

  async function load() {
    const parameters = new URLSearchParams({ limit: '20' });
    if (status) parameters.set('status', status);
    if (cursor) parameters.set('cursor', cursor);
    try {
      const answer = await call('GET', edit(`/renders?${parameters}`));
      if (stopped) return;
      outcome.replaceChildren();
      const renders = answer.response.renders || [];
      replaceKeepingFocus(body, ...(renders.length ? renders.map(row)
        : [h('tr', {}, h('td', { colspan: 5 }, status ? `No ${status} renders on this page.` : 'No renders yet.'))]));
      replaceKeepingFocus(paging,
        cursor ? h('a', { href: status ? `#/renders?status=${status}` : '#/renders' }, 'Newest') : null,
        cursor && answer.response.next ? ' · ' : null,
        answer.response.next ? h('a', { href: `#/renders?${new URLSearchParams({ ...(status ? { status } : {}), cursor: answer.response.next })}` }, 'Older') : null);
      live.textContent = `Updated ${new Date().toLocaleTimeString()}; refreshed every ${POLL_MS / 1000} s.`;
    } catch (error) {
      if (!stopped) outcome.replaceChildren(errorBox(error));
    }
    if (!stopped) timer = setTimeout(load, POLL_MS);
  }

  show(h('h1', {}, 'Renders'),
    h('div', { class: 'toolbar' },
      h('div', {}, h('label', { for: 'status-filter' }, 'Status'), filter),
      h('a', { class: 'button', href: '#/new' }, 'New render')),
    outcome, table, paging, live);
  load();
  return () => { stopped = true; clearTimeout(timer); };
}

function row(render) {
  return h('tr', {},
    h('td', {}, h('a', { href: `#/render/${render.id}` }, render.id)),
    h('td', {}, statusBadge(render.status)),
    h('td', {}, render.status === 'failed' ? '—'
      : [progressBar(render.progress, `progress of render ${render.id}`), ` ${render.progress ?? 0}%`]),
    h('td', {}, formatDuration(render.duration)),
    h('td', {}, formatTime(render.created)));
}
