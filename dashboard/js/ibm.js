// IBM videos: the IBM Video Streaming face's videos (a render's hosted MP4 each), with their downloadable MP4 and
// FLV (seed 001) and their expiration rule (seed 003), through the face's public API and the user's OAuth client.
import { ibmCall, ibmConnect, ibmDefaultUrl, ibmDisconnect, ibmSession } from './ibm-api.js';
import { h, show, errorBox, replaceKeepingFocus } from './dom.js';
import { connectForm, rerun } from './connect-form.js';
import { formatBytes, formatSeconds, formatUnix, safeUrl } from './face-format.js';

const PAGE_SIZE = 20;
const POLL_MS = 2000;
const FORMATS = ['mp4', 'flv'];

function environmentBadge(environment) {
  return environment === 'stage' ? h('span', { class: 'stage-badge stage' }, 'stage (sandbox)')
    : environment === 'v1' ? h('span', { class: 'stage-badge v1' }, 'v1 (production)')
      : h('span', {}, 'unknown environment');
}

/** Who is connected, in which environment, and a way out. */
function connection(current) {
  return h('p', { class: 'notice' }, 'Connected with your IBM OAuth client; its videos of ', environmentBadge(current.environment),
    ' are shown. ', h('button', { type: 'button', class: 'secondary', onclick: () => { ibmDisconnect(); rerun(); } },
      'Disconnect'));
}

const CONNECTION = {
  face: 'ibm',
  id: 'client-id',
  secret: 'client-secret',
  labels: { id: 'OAuth client id', secret: 'OAuth client secret', apiUrl: 'IBM API URL',
    missing: 'Enter the client id, the client secret and the API URL.' },
  hint: 'The secret is sent once, to POST /oauth2/token, for an access token (kept in this tab only, sessionStorage, for'
    + ' its 24 hours). A client belongs to one environment and sees its videos only. On the embedded stack: ibm.stage or'
    + ' ibm.v1 (clientId, clientSecret) in .reelforge/local.json.',
  apiHint: 'The IBM Video Streaming API of this Reelforge (filled in from the deployment).',
  defaultUrl: ibmDefaultUrl,
  connect: ibmConnect,
  disconnect: ibmDisconnect,
};

function connectPage(note) {
  show(h('h1', {}, 'IBM videos'),
    h('p', {}, 'Connect with your IBM Video Streaming OAuth client to see its videos, their downloads and expiration.'),
    connectForm(CONNECTION, note));
}

/** #/ibm[?page=N]: the client's videos, newest first, IBM's paging. */
export function ibmVideosPage(path) {
  const current = ibmSession();
  if (!current) {
    connectPage(null);
    return undefined;
  }
  const query = new URLSearchParams(path.split('?')[1] || '');
  const page = /^[1-9][0-9]{0,3}$/.test(query.get('page') || '') ? Number(query.get('page')) : 1;
  const outcome = h('div');
  const body = h('tbody');
  const paging = h('p');
  let stopped = false;

  show(h('h1', {}, 'IBM videos'), connection(current), outcome,
    h('table', {},
      h('caption', { class: 'visually-hidden' }, 'Videos, newest first'),
      h('thead', {}, h('tr', {}, ['Thumbnail', 'Title', 'Length', 'Size', 'Created'].map((name) => h('th', { scope: 'col' }, name)))),
      body),
    paging);

  ibmCall('GET', `/users/self/videos.json?${new URLSearchParams({ pagesize: String(PAGE_SIZE), page: String(page) })}`)
    .then((answer) => {
      if (stopped) return;
      const videos = Array.isArray(answer && answer.videos) ? answer.videos : [];
      body.replaceChildren(...(videos.length ? videos.map(videoRow)
        : [h('tr', {}, h('td', { colspan: 5 }, page > 1 ? 'No videos on this page.' : 'No videos yet: a render hosted as an MP4 becomes one.'))]));
      const links = (answer && answer.paging) || {};
      replaceKeepingFocus(paging,
        links.previous ? h('a', { href: page > 2 ? `#/ibm?page=${page - 1}` : '#/ibm' }, 'Newer') : null,
        links.previous && links.next ? ' · ' : null,
        links.next ? h('a', { href: `#/ibm?page=${page + 1}` }, 'Older') : null);
    })
    .catch((error) => {
      if (stopped) return;
      if (error.status === 401) connectPage(error);
      else outcome.replaceChildren(errorBox(error));
    });
  return () => { stopped = true; };
}

function videoRow(video) {
  const thumbnail = safeUrl(video.thumbnail && video.thumbnail.default);
  return h('tr', {},
    h('td', {}, thumbnail ? h('img', { class: 'thumb', src: thumbnail, alt: '' }) : '—'),
    h('td', {}, h('a', { href: `#/ibm/video/${video.id}` }, video.title || video.id)),
    h('td', {}, formatSeconds(video.length)),
    h('td', {}, formatBytes(video.file_size)),
    h('td', {}, formatUnix(video.created_at)));
}

/** #/ibm/video/{id}: one video, its player, downloadables and expiration. */
export function ibmVideoPage(id) {
  if (!ibmSession()) {
    connectPage(null);
    return undefined;
  }
  let stopped = false;
  let timer = null;
  const facts = h('div');
  const media = h('div');
  const downloads = h('div');
  const downloadsNote = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const expiration = h('div');
  const expirationOutcome = h('div', { 'aria-live': 'polite' });
  const lastStatus = {};

  function failed(place, error) {
    if (stopped) return;
    if (error.status === 401) connectPage(error);
    else place.replaceChildren(errorBox(error));
  }

  async function loadVideo() {
    try {
      const video = (await ibmCall('GET', `/videos/${id}.json`)).video || {};
      if (stopped) return;
      document.querySelector('h1').replaceChildren('IBM video ', h('q', {}, video.title || id));
      facts.replaceChildren(h('dl', { class: 'facts' },
        h('dt', {}, 'Id'), h('dd', {}, h('code', {}, video.id || id)),
        h('dt', {}, 'Title'), h('dd', {}, video.title || '—'),
        h('dt', {}, 'Length'), h('dd', {}, formatSeconds(video.length)),
        h('dt', {}, 'Size'), h('dd', {}, formatBytes(video.file_size)),
        h('dt', {}, 'Created'), h('dd', {}, formatUnix(video.created_at)),
        h('dt', {}, 'Protection'), h('dd', {}, video.protect || '—')));
      const url = safeUrl(video.url);
      const thumbnail = safeUrl(video.thumbnail && video.thumbnail.default);
      media.replaceChildren(h('div', { class: 'media' },
        url ? h('figure', {},
          h('video', { controls: true, preload: 'metadata', src: url, poster: thumbnail || false, 'aria-label': 'The video' }),
          h('figcaption', { class: 'hint' }, h('a', { href: url }, 'Open the file'))) : h('p', { class: 'hint' }, 'No file to play.'),
        thumbnail ? h('figure', {}, h('img', { src: thumbnail, alt: 'Thumbnail of the video' }),
          h('figcaption', { class: 'hint' }, 'Thumbnail')) : null));
    } catch (error) {
      failed(facts, error);
    }
  }

  async function loadDownloads() {
    clearTimeout(timer);
    const rows = [];
    let pending = false;
    for (const format of FORMATS) {
      try {
        const downloadable = (await ibmCall('GET', `/videos/${id}/downloadable/${format}.json`)).downloadable || {};
        pending ||= downloadable.status === 'pending';
        if (lastStatus[format] && lastStatus[format] !== downloadable.status) {
          downloadsNote.textContent = `${format.toUpperCase()} download: ${downloadable.status}`;
        }
        lastStatus[format] = downloadable.status;
        rows.push(downloadRow(format, downloadable));
      } catch (error) {
        failed(downloads, error);
        return;
      }
    }
    if (stopped) return;
    replaceKeepingFocus(downloads, h('table', {},
      h('caption', { class: 'visually-hidden' }, 'Downloadable files'),
      h('thead', {}, h('tr', {}, ['Format', 'Status', 'Download', 'Available until', ''].map((name) => h('th', { scope: 'col' }, name)))),
      h('tbody', {}, rows)));
    if (pending && !stopped) timer = setTimeout(loadDownloads, POLL_MS);
  }

  function downloadRow(format, downloadable) {
    const link = downloadable.status === 'available' ? safeUrl(downloadable.download_url) : null;
    const label = format.toUpperCase();
    return h('tr', {},
      h('th', { scope: 'row' }, label),
      h('td', {}, h('span', { class: `status ${downloadable.status === 'available' ? 'done' : 'other'}` }, downloadable.status || 'unknown')),
      h('td', {}, link ? h('a', { href: link, download: '' }, `Download ${label}`) : '—'),
      h('td', {}, downloadable.expires_at ? formatUnix(downloadable.expires_at) : '—'),
      h('td', {}, downloadable.status === 'unavailable' ? h('button', {
        type: 'button',
        onclick: async () => {
          try {
            await ibmCall('POST', `/videos/${id}/downloadable/${format}.json`);
          } catch (error) {
            failed(downloads, error);
            return;
          }
          loadDownloads();
        },
      }, `Request ${label}`) : null));
  }

  async function loadExpiration() {
    let rule;
    try {
      rule = (await ibmCall('GET', `/videos/${id}/expiration.json`)).expiration || {};
    } catch (error) {
      failed(expiration, error);
      return;
    }
    if (stopped) return;
    const at = h('input', { id: 'ibm-expires-at', name: 'expires-at', type: 'datetime-local', required: true,
      'aria-describedby': 'ibm-expires-hint', value: localInputValue(new Date(Date.now() + 60 * 60 * 1000)) });
    const set = h('button', { type: 'submit' }, 'Set expiration');
    replaceKeepingFocus(expiration,
      h('p', {}, rule.rule === 'at_given_time'
        ? ['Expires at ', h('strong', {}, formatUnix(rule.expires_at)), ': it is then deleted (within a minute), with its downloads.']
        : rule.rule === 'never' ? 'Never expires.' : `Rule: ${rule.rule || 'unknown'}`),
      rule.rule === 'at_given_time' ? h('p', {}, h('button', {
        type: 'button', class: 'secondary', onclick: () => putRule({ rule: 'never' }, 'It no longer expires.'),
      }, 'Clear expiration')) : null,
      h('form', {
        novalidate: true,
        onsubmit: (event) => {
          event.preventDefault();
          const when = new Date(at.value);
          if (!at.value || Number.isNaN(when.getTime())) {
            expirationOutcome.replaceChildren(errorBox({ message: 'Enter a date and time.' }));
            at.focus();
            return;
          }
          putRule({ rule: 'at_given_time', expires_at: String(Math.floor(when.getTime() / 1000)) },
            `It expires at ${when.toLocaleString()}.`);
        },
      },
      h('label', { for: 'ibm-expires-at' }, 'Expire at'),
      at, ' ', set,
      h('p', { class: 'hint', id: 'ibm-expires-hint' }, 'Your local time. At that time the video is deleted for good,',
        ' in both faces (the Serve API shows its asset deleted). The stack\'s clock decides (./reelforge clock).')));
  }

  async function putRule(form, done) {
    expirationOutcome.replaceChildren();
    try {
      await ibmCall('PUT', `/videos/${id}/expiration.json`, form);
      expirationOutcome.replaceChildren(h('p', { class: 'notice' }, done));
    } catch (error) {
      failed(expirationOutcome, error);
    }
    loadExpiration();
  }

  show(h('h1', {}, 'IBM video ', h('code', {}, id)),
    h('p', {}, h('a', { href: '#/ibm' }, 'All videos')),
    facts, media,
    h('h2', {}, 'Downloads'), downloadsNote, downloads,
    h('h2', {}, 'Expiration'), expiration, expirationOutcome);
  loadVideo();
  loadDownloads();
  loadExpiration();
  return () => { stopped = true; clearTimeout(timer); };
}

/** A Date as a datetime-local input's value (local time, minutes). */
function localInputValue(date) {
  const pad = (number) => String(number).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
