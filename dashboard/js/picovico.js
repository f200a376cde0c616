// Picovico projects: the Picovico face's slideshow projects (docs/PROJECTS-API.md) with their renditions, through the
// face's public API and the user's own app. Building a project is left to the API and the SDKs.
import { picovicoCall, picovicoConnect, picovicoDefaultUrl, picovicoDisconnect, picovicoSession } from './picovico-api.js';
import { h, show, errorBox, replaceKeepingFocus, statusBadge } from './dom.js';
import { connectForm, rerun } from './connect-form.js';
import { formatBytes, formatSeconds, formatUnix, safeUrl } from './face-format.js';

const PAGE_SIZE = 15;
const POLL_MS = 3000;
const QUALITIES = ['720', '480', '360'];
const PROJECT_ID = /^[0-9a-fA-F]{24}$/;

/** Who is connected, the credits left, and a way out. */
function connection(current, credits) {
  return h('p', { class: 'notice' }, 'Connected with your Picovico app (user ', h('code', {}, current.user || '?'), '). ',
    'Credits: ', credits, '. ',
    h('button', { type: 'button', class: 'secondary', onclick: () => { picovicoDisconnect(); rerun(); } }, 'Disconnect'));
}

const CONNECTION = {
  face: 'picovico',
  id: 'app-id',
  secret: 'app-secret',
  labels: { id: 'App id', secret: 'App secret', apiUrl: 'Picovico API URL',
    missing: 'Enter the app id, the app secret and the API URL.' },
  hint: 'The secret is sent once, to POST /login/app, for an access key and token (kept in this tab only, sessionStorage).'
    + ' An app belongs to one environment and sees its projects only. On the embedded stack: picovico.stage or'
    + ' picovico.v1 (appId, appSecret) in .reelforge/local.json.',
  apiHint: 'The Picovico API of this Reelforge (filled in from the deployment).',
  defaultUrl: picovicoDefaultUrl,
  connect: picovicoConnect,
  disconnect: picovicoDisconnect,
  refused: (error) => (error.status === 401 ? { status: 401, message: 'The app id or the app secret is wrong.' } : error),
};

function connectPage(note) {
  show(h('h1', {}, 'Picovico projects'),
    h('p', {}, 'Connect with your Picovico app to see your projects, their videos and your credits.'),
    connectForm(CONNECTION, note));
}

/** #/picovico[?from=T|?to=T]: credits and projects, newest first, Picovico's paging. */
export function picovicoProjectsPage(path) {
  const current = picovicoSession();
  if (!current) {
    connectPage(null);
    return undefined;
  }
  const query = new URLSearchParams(path.split('?')[1] || '');
  const parameters = new URLSearchParams({ count: String(PAGE_SIZE) });
  for (const name of ['from', 'to']) {
    if (/^[0-9]{1,12}(\.[0-9]{1,3})?$/.test(query.get(name) || '')) parameters.set(name, query.get(name));
  }
  const credits = h('span', {}, '…');
  const outcome = h('div');
  const body = h('tbody');
  const paging = h('p');
  let stopped = false;
  let timer = null;

  async function load() {
    try {
      const [me, list] = await Promise.all([picovicoCall('GET', '/me'), picovicoCall('GET', `/me/videos?${parameters}`)]);
      if (stopped) return;
      credits.textContent = typeof me.credits === 'number' ? String(me.credits) : '—';
      const projects = Array.isArray(list && list.videos) ? list.videos : [];
      replaceKeepingFocus(body, ...(projects.length ? projects.map(projectRow)
        : [h('tr', {}, h('td', { colspan: 6 }, 'No projects on this page.'))]));
      const links = (list && list.paging) || {};
      const newer = pageLink(links.prev_url);
      const older = pageLink(links.next_url);
      replaceKeepingFocus(paging,
        newer ? h('a', { href: newer }, 'Newer') : null,
        newer && older ? ' · ' : null,
        older ? h('a', { href: older }, 'Older') : null);
      // a project being rendered settles by itself: look again until none is processing
      if (projects.some((project) => project.status === 'processing') && !stopped) timer = setTimeout(load, POLL_MS);
    } catch (error) {
      if (stopped) return;
      if (error.status === 401) connectPage(error);
      else outcome.replaceChildren(errorBox(error));
    }
  }

  show(h('h1', {}, 'Picovico projects'), connection(current, credits), outcome,
    h('table', {},
      h('caption', { class: 'visually-hidden' }, 'Projects, newest first'),
      h('thead', {}, h('tr', {}, ['Thumbnail', 'Name', 'Status', 'Style', 'Quality', 'Created'].map((name) => h('th', { scope: 'col' }, name)))),
      body),
    paging);
  load();
  return () => { stopped = true; clearTimeout(timer); };
}

/** The dashboard's link for one of the API's paging URLs (`/me/videos?count=N&from=T`), keeping only from or to. */
function pageLink(url) {
  if (typeof url !== 'string') return null;
  const query = new URLSearchParams(url.split('?')[1] || '');
  for (const name of ['from', 'to']) {
    const value = query.get(name);
    if (value && /^[0-9]{1,12}(\.[0-9]{1,3})?$/.test(value)) return `#/picovico?${name}=${value}`;
  }
  return null;
}

function bestThumbnail(project) {
  const thumbnails = project.thumbnail && typeof project.thumbnail === 'object' ? project.thumbnail : {};
  return QUALITIES.map((quality) => safeUrl(thumbnails[quality])).find(Boolean) || null;
}

function projectRow(project) {
  const thumbnail = bestThumbnail(project);
  return h('tr', {},
    h('td', {}, thumbnail ? h('img', { class: 'thumb', src: thumbnail, alt: '' }) : '—'),
    h('td', {}, PROJECT_ID.test(project.id || '') ? h('a', { href: `#/picovico/project/${project.id}` }, project.name || project.id)
      : (project.name || '—')),
    h('td', {}, statusBadge(project.status)),
    h('td', {}, project.style || '—'),
    h('td', {}, project.quality ?? '—'),
    h('td', {}, formatUnix(project.created_on)));
}

/** #/picovico/project/{id}: one project, its renditions, player, thumbnail, public link; delete. */
export function picovicoProjectPage(id) {
  const current = picovicoSession();
  if (!current) {
    connectPage(null);
    return undefined;
  }
  let stopped = false;
  let timer = null;
  let lastStatus = null;
  let shownMedia = '';
  const announcer = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const facts = h('div');
  const media = h('div');
  const renditions = h('div');
  const actions = h('div');

  async function load() {
    clearTimeout(timer);
    let project;
    try {
      project = await picovicoCall('GET', `/me/videos/${id}`);
    } catch (error) {
      if (stopped) return;
      if (error.status === 401) connectPage(error);
      else facts.replaceChildren(errorBox(error));
      return;
    }
    if (stopped) return;
    if (project.status !== lastStatus) {
      if (lastStatus !== null) announcer.textContent = `Status: ${project.status}`;
      lastStatus = project.status;
    }
    document.querySelector('h1').replaceChildren('Project ', h('q', {}, project.name || id));
    replaceKeepingFocus(facts, h('dl', { class: 'facts' },
      h('dt', {}, 'Id'), h('dd', {}, h('code', {}, project.id || id)),
      h('dt', {}, 'Name'), h('dd', {}, project.name || '—'),
      h('dt', {}, 'Status'), h('dd', {}, statusBadge(project.status)),
      h('dt', {}, 'Style'), h('dd', {}, project.style || '—'),
      h('dt', {}, 'Quality'), h('dd', {}, project.quality ?? '—'),
      h('dt', {}, 'Duration'), h('dd', {}, formatSeconds(project.duration)),
      h('dt', {}, 'Privacy'), h('dd', {}, project.privacy || '—'),
      h('dt', {}, 'Created'), h('dd', {}, formatUnix(project.created_on)),
      h('dt', {}, 'Modified'), h('dd', {}, formatUnix(project.modified_on))),
    project.status === 'failed' ? h('div', { class: 'error-box', role: 'alert' },
      h('p', {}, h('strong', {}, 'This project failed to render. '), 'Its credits were refunded.'),
      typeof project.failure === 'string' ? h('p', {}, 'Reason given: ', h('q', {}, project.failure)) : null) : null,
    project.status === 'processing' ? h('p', { class: 'hint' }, 'Being rendered: this page follows it.') : null);

    const files = project.video && typeof project.video === 'object' ? project.video : {};
    const available = QUALITIES.filter((quality) => files[quality] && safeUrl(files[quality].url));
    const key = JSON.stringify([available.map((quality) => files[quality].url), bestThumbnail(project)]);
    if (key !== shownMedia) {
      shownMedia = key;
      media.replaceChildren(player(project, files, available));
      renditions.replaceChildren(available.length ? h('table', {},
        h('caption', { class: 'visually-hidden' }, 'Renditions'),
        h('thead', {}, h('tr', {}, ['Quality', 'File', 'Size'].map((name) => h('th', { scope: 'col' }, name)))),
        h('tbody', {}, available.map((quality) => h('tr', {},
          h('th', { scope: 'row' }, `${quality}p`),
          h('td', {}, h('a', { href: safeUrl(files[quality].url) }, `${quality}p MP4`)),
          h('td', {}, formatBytes(files[quality].size))))))
        : h('p', { class: 'hint' }, project.status === 'published' ? 'No renditions listed.' : 'None until it is published.'));
    }
    replaceKeepingFocus(actions,
      publicLink(project),
      h('p', {}, project.status === 'processing' ? null : h('button', {
        type: 'button', class: 'danger', onclick: () => remove(project),
      }, 'Delete project')));
    if (project.status === 'processing' && !stopped) timer = setTimeout(load, POLL_MS);
  }

  async function remove(project) {
    if (!confirm(`Delete the project “${project.name || id}”? Its videos and public link go too.`)) return;
    try {
      await picovicoCall('DELETE', `/me/videos/${id}`);
    } catch (error) {
      if (error.status === 401) connectPage(error);
      else actions.append(errorBox(error));
      return;
    }
    location.hash = '#/picovico';
  }

  show(h('h1', {}, 'Project ', h('code', {}, id)),
    h('p', {}, h('a', { href: '#/picovico' }, 'All projects')),
    announcer, facts, media,
    h('h2', {}, 'Renditions'), renditions,
    h('h2', {}, 'Sharing and deleting'), actions);
  load();
  return () => { stopped = true; clearTimeout(timer); };
}

function player(project, files, available) {
  const best = available[0];
  const thumbnail = bestThumbnail(project);
  const parts = [];
  if (best) {
    parts.push(h('figure', {},
      h('video', { controls: true, preload: 'metadata', src: safeUrl(files[best].url), poster: thumbnail || false,
        'aria-label': `The project's video, ${best}p` }),
      h('figcaption', { class: 'hint' }, `Best quality: ${best}p`)));
  }
  if (thumbnail) parts.push(h('figure', {}, h('img', { src: thumbnail, alt: 'Thumbnail of the project' }), h('figcaption', { class: 'hint' }, 'Thumbnail')));
  return parts.length ? h('div', { class: 'media' }, parts) : h('p', { class: 'hint' }, 'No video yet.');
}

/** The public link (no credentials: a 302 to the best quality) of a published public project. */
function publicLink(project) {
  const current = picovicoSession();
  if (project.status !== 'published' || project.privacy === 'private' || !current) {
    return h('p', { class: 'hint' }, project.privacy === 'private' ? 'Private: no public link.'
      : 'The public link comes once it is published.');
  }
  const slug = String(project.name || 'video').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '').slice(0, 80) || 'video';
  const url = `${current.apiUrl}/v/${encodeURIComponent(project.id)}/${slug}.mp4`;
  return h('p', {}, 'Public link (anyone with it can watch): ', h('a', { href: url }, url));
}
