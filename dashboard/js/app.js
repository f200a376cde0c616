// The dashboard's router: hash routes (#/renders, #/render/{id}, #/new, #/templates, #/template/{id}, #/sources,
// #/source/{id}, #/sign-in; #/ibm, #/ibm/video/{id}, #/picovico, #/picovico/project/{id}), so static hosting needs no
// rewrite rules. Polling timers of a page stop when another page is shown. The IBM and Picovico pages use their
// faces' own credentials, not the API key.
import { loadConfig, session, signOut } from './api.js';
import { h } from './dom.js';
import { signInPage } from './signin.js';
import { rendersPage } from './renders.js';
import { renderPage } from './render.js';
import { newRenderPage } from './new-render.js';
import { templatesPage, templatePage } from './templates.js';
import { sourcesPage, sourcePage } from './sources.js';
import { ibmVideosPage, ibmVideoPage } from './ibm.js';
import { picovicoProjectsPage, picovicoProjectPage } from './picovico.js';

let stopCurrent = () => {};

function header() {
  const current = session();
  const place = document.getElementById('session');
  for (const link of document.querySelectorAll('#nav [data-needs-key]')) link.hidden = !current;
  if (!current) {
    // the IBM and Picovico pages open without a key: say where the renders are
    place.replaceChildren('Not signed in ', h('a', { href: '#/sign-in' }, 'Sign in with an API key'));
    return;
  }
  place.replaceChildren(
    'Environment ', h('span', { class: `stage-badge ${current.version}` }, current.version === 'stage' ? 'stage (sandbox)' : 'v1 (production)'),
    ' ', h('button', {
      class: 'secondary', type: 'button', onclick: () => { signOut(); location.hash = '#/sign-in'; },
    }, 'Sign out'));
}

async function route() {
  stopCurrent();
  stopCurrent = () => {};
  await loadConfig();
  header();
  const path = location.hash.replace(/^#/, '') || '/renders';
  const ownCredentials = /^\/(ibm|picovico)(\/|\?|$)/.test(path);
  if (!session() && path !== '/sign-in' && !ownCredentials) {
    location.replace('#/sign-in');
    return;
  }
  let stop;
  const render = path.match(/^\/render\/([0-9a-fA-F-]{36})$/);
  const template = path.match(/^\/template\/([0-9a-fA-F-]{36})$/);
  const source = path.match(/^\/source\/([0-9a-zA-Z-]{36})$/);
  const ibmVideo = path.match(/^\/ibm\/video\/([0-9a-fA-F-]{36})$/);
  const project = path.match(/^\/picovico\/project\/([0-9a-fA-F]{24})$/);
  if (path === '/sign-in') stop = signInPage(header);
  else if (path === '/renders' || path.startsWith('/renders?')) stop = rendersPage(path);
  else if (path === '/new') stop = newRenderPage();
  else if (render) stop = renderPage(render[1]);
  else if (path === '/templates') stop = templatesPage();
  else if (template) stop = templatePage(template[1]);
  else if (path === '/sources') stop = sourcesPage();
  else if (source) stop = sourcePage(source[1]);
  else if (path === '/ibm' || path.startsWith('/ibm?')) stop = ibmVideosPage(path);
  else if (ibmVideo) stop = ibmVideoPage(ibmVideo[1]);
  else if (path === '/picovico' || path.startsWith('/picovico?')) stop = picovicoProjectsPage(path);
  else if (project) stop = picovicoProjectPage(project[1]);
  else if (!session()) location.replace('#/sign-in');
  else stop = rendersPage('/renders');
  if (typeof stop === 'function') stopCurrent = stop;
}

window.addEventListener('hashchange', route);
route();
