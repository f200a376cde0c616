// Small DOM helpers: every text goes in as text (never as HTML), so nothing an API answer holds can run.

/** h('p', {class: 'x'}, 'text', child) */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Replaces main's content and moves focus to its heading, so keyboard and screen-reader users land on the page. */
export function show(...children) {
  const main = document.getElementById('main');
  main.replaceChildren(...children);
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
    document.title = `${heading.textContent} · Reelforge`;
  }
  // when a page's content is first on screen: the browser tests measure it (docs/PERFORMANCE.md)
  if (!performance.getEntriesByName('reelforge:page-shown').length) performance.mark('reelforge:page-shown');
}

export function formatTime(value) {
  if (value === null || value === undefined || value === '') return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString();
}

export function formatDuration(seconds) {
  if (typeof seconds !== 'number') return '—';
  return seconds < 60 ? `${seconds.toFixed(1)} s` : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

export function statusBadge(status) {
  const kind = status === 'done' || status === 'ready' || status === 'published' ? 'done' : status === 'failed' ? 'failed' : 'other';
  return h('span', { class: `status ${kind}` }, status || 'unknown');
}

export function progressBar(percent, label) {
  const value = typeof percent === 'number' ? Math.max(0, Math.min(100, percent)) : 0;
  return h('progress', { max: 100, value, 'aria-label': label }, `${value}%`);
}

export function errorBox(error) {
  const items = (error.errors || []).map((item) => h('li', {}, item.path ? [h('code', {}, item.path), ': '] : null, item.message || ''));
  return h('div', { class: 'error-box', role: 'alert' },
    h('p', {}, h('strong', {}, error.status ? `${error.status}: ` : ''), error.message),
    items.length ? h('ul', {}, items) : null);
}

/**
 * Replaces a container's content without losing the keyboard's place: a refresh (polling) puts the focus back on the
 * new element that matches the focused one (same id, href, or tag and text).
 */
export function replaceKeepingFocus(container, ...children) {
  const focused = container.contains(document.activeElement) ? document.activeElement : null;
  const key = focused ? focusKey(focused) : null;
  // as in h(): null, undefined and false are left out (replaceChildren would write them as text)
  container.replaceChildren(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  if (key) {
    const again = [...container.querySelectorAll(focused.tagName)].find((element) => focusKey(element) === key);
    if (again) again.focus();
  }
}

function focusKey(element) {
  return element.id || element.getAttribute('href') || `${element.tagName}:${element.textContent}`;
}

/** A link for an http(s) URL the API gave; anything else (javascript:, data:) is shown as text, never followed. */
export function link(url, text = url) {
  return /^https?:\/\//i.test(String(url || '')) ? h('a', { href: url }, text) : h('span', {}, text || '—');
}
